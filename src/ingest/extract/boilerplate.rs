//! Short lines that are page furniture rather than article text, in the
//! languages news pages most often use.
//!
//! Owns the patterns shared by the HTML cleaner (applied to short blocks)
//! and the text-dump reader (applied to lines): subscription and paywall
//! notices, log-in prompts, newsletter and cookie boxes, share prompts,
//! "related"/"read more" headings, advertisement labels, photo credits,
//! comment-section headers and counts, reprint notices, back-links,
//! promotions of a video or gallery, slideshow controls and counters,
//! follow prompts, app prompts, the markers an advertisement or a loading
//! widget leaves, editors' credits and reading times; and
//! ([`is_foot_block`]) whole blocks that are only a reporter's address or
//! a separator, ([`is_small_print`]) a paragraph of any length that
//! opens with a copyright sign and a year, a shop-links disclosure, a
//! newspaper's print note or a science site's citation and copyright
//! lines, and ([`is_appeal`]) an appeal for readers' money of up to 700
//! characters that names the site's journalism. Other long paragraphs
//! are never judged here: a notice is short, an article paragraph that
//! mentions subscriptions is not.

use regex::Regex;
use std::sync::LazyLock;

/// Blocks longer than this (in characters) are always article text.
const MAX_NOTICE_CHARS: usize = 220;

/// Credit lines are shorter still: "Foto: dpa", "AFP / JANE DOE".
const MAX_CREDIT_CHARS: usize = 70;

/// A slideshow's or pager's counter, lower-case: "1/5", "Image 2 of 12",
/// "Page 1 of 3", "Seite 2 von 4". A macro, so that `NOTICES` can join it
/// into its patterns at compile time.
macro_rules! slide_counter {
    () => {
        r"((image|photo|picture|slide|bild|foto|page|seite|página|pagina|strona)\s+)?\d{1,3}\s*(/|of|von|de|di|sur|z)\s*\d{1,3}"
    };
}

/// The apps a podcast is heard in, lower-case, for `NOTICES`.
macro_rules! podcast_apps {
    () => {
        r"(apple podcasts|spotify|google podcasts|stitcher|overcast|pocket casts|itunes|soundcloud|amazon music|castbox|tunein|rss)"
    };
}

/// [`slide_counter!`], for patterns built elsewhere (a counter before a
/// caption).
pub const SLIDE_COUNTER: &str = slide_counter!();

/// The buttons of a picture, a slideshow, a player or an ad ("Buy Photo",
/// "Show Caption", "Skip Ad", "Ad Feedback", "Just watched", "Must watch",
/// "Replay", "Now Playing", "Autoplay", "Enlarge this image", "Click to
/// expand", "Scroll to continue with content", "Continue Reading",
/// WordPress's "Like this:"), a story's tools ("Gift this article", "Save
/// for later", "Reprints", "Link copied"), and the labels of links to the
/// author or the comments ("Contact the author", "Comment on this story"), each
/// alone on its line. Set in a sentence the same words are a title ("her
/// novel <em>Continue Reading</em>"): the tidy pass judges an inline
/// element in running text only as a credit ([`is_credit`]) or a related
/// label ([`is_related_heading`]).
const LABELS: &str = r"^(buy photo|show caption|(previous|next) slide|close|skip ad|ad feedback|like this:|just watched|must watch|replay|now playing|autoplay|enlarge this image|click to expand|scroll to continue with content|continue reading|contact the authors?|comment on this (story|article)|(gift|give|e-?mail) this article|save( for later)?|bookmark|reprints|reuse this content|réutiliser ce contenu|republish this (article|story)|more options|link copied|copied!|top highlight|(view |open )?full ?screen|vollbild|plein écran|pantalla completa|schermo intero|(dela|del) (artikeln|artikkelen|artiklen|saken)\s*:?|(mehr|weitere) (artikel|nachrichten|beiträge|meldungen) aus (dieser|der) rubrik\b[^.!?]{0,60})$";

/// Patterns for a whole short line, matched case-insensitively.
const NOTICES: &[&str] = &[
    // Paywalls, access checks and log-in prompts.
    r"\b(already (a )?(subscriber|member)|subscribe (now|today|to)|subscribers? only|for subscribers|to continue reading|continue reading with|you have a preview|preview (view )?of this article|(verify|checking|confirm(ed)?) (your )?access|while we verify|log ?in to (read|continue|comment)|sign in to (read|continue|comment)|create (a |an )?(free )?account|jetzt abonnieren|abo abschließen|weiterlesen mit|pour lire la suite|réservé aux abonnés|suscríbete)\b",
    // The same in Japanese and Chinese ("［有料会員限定］ この記事は会員限定です。
    // 電子版に登録すると続きをお読みいただけます。", "付费阅读").
    r"会員限定|有料会員|続きをお?読(み|む)|(登録|ログイン)(する|して|すると).{0,10}続き|付费阅读|订阅后(继续)?阅读|登录后(继续)?阅读|會員專屬",
    r"^(want (all|more) of .*\?\s*subscribe\.?|subscribe\.?|log ?in\.?|sign in\.?|sign up\.?|register\.?|anmelden\.?|einloggen\.?)$",
    // Newsletters.
    r"(^newsletter\b|\b(our|free|daily|weekly|morning|evening|email|e-mail|unseren?|den|zum|kostenlosen?|notre|nuestro) newsletter\b|\b(iscriviti|abbonati)( gratis)? alla( nostra)? newsletter\b|^mit der anmeldung akzeptieren sie\b|^by (signing up|subscribing),? you agree to\b|^en vous inscrivant,? vous acceptez\b|\b(assine|inscreva-se (na|em)) (a |nossa )?newsletter\b|\b(meld (je|u) aan|schrijf (je|u) in|abonneer (je|u)) (voor|op) (onze |de )?nieuwsbrief\b|\bnewsletter (abonnieren|bestellen|anmelden|sign-?up)\b|\b(never miss (the|a|an)\b|verpasse keine|nichts mehr verpassen|nichts mehr versäumen|stay (informed|up to date)|do you want to be informed|sign up for our\b|^sign up for the\b[^.!?,]{0,30}[.!]?$|sign up for\b.{0,60}\bnewsletters?\b|inscrivez-vous|(e-?mail|inbox) (alerts?|updates)|delivered to your inbox|^sign up for (daily|weekly|our)( [\w'’-]+){0,3} (e-?mails|alerts)\b[^,]*$|(^\[?|[:：]\s*)(get|sign up|subscribe)\b[^.!?]{0,80}\b(in|to) your inbox( (every|each) (morning|day|weekday|week|evening))?[.!]?\]?$))",
    // Cookies and consent.
    r"\b(we use cookies|(this|our) (site|website) uses cookies|accept (all )?cookies|cookie (policy|settings|preferences|einstellungen|richtlinie)|(verwendet|nutzt|nutzen|verwenden) cookies|utilise des cookies|we (value|respect) your privacy|wir respektieren deine privatsphäre|datenschutzeinstellungen|privacy settings|consent preferences)\b",
    // An embed's consent box, which stands in for a tweet or a video
    // until the reader agrees to load it.
    r"^(empfohlener redaktioneller inhalt|recommended editorial content|externer inhalt|external content)$",
    r"\b(an dieser stelle finden sie einen externen inhalt|at this point you will find external content|here you will find external content|(um|zum) (externe|diese) inhalte? (anzuzeigen|zu laden)|ich bin damit einverstanden, dass mir externe inhalte|i agree (that|to) (external|third-party) content|we need your consent to (load|display|show) (this|the)\b|not available due to your (privacy|cookie|consent) (preferences|settings|choices)|personenbezogene daten an drittplattformen|mit (einem )?klick auf .{0,30} stimmen sie zu)",
    // Share prompts.
    r"^(share( this( article| story| page)?)?|social share|teilen|teile mich|diesen artikel teilen|artikel teilen|partager( cet article)?|compartir|share on (facebook|twitter|x))\b",
    r"^(分享|分享到|分享至|分享让更多人看到|シェア|공유(하기)?)\s*[:：]?$|^((微信|微博|qq空间|qq|朋友圈|腾讯微博|人民微博|豆瓣)\s*){2,}$",
    r"\b(artikel gefallen\?|vergiss nicht zu teilen|share this (article|story)|mit anderen teilen|with your friends)\b",
    // Advertisement labels and affiliate disclosures.
    r"^(?:[-–—]\s*)?(advertisement|anzeige|werbung|publicité|publicidad|pubblicità|publicidade|advertentie|annons|annonse|annonce|mainos|hirdetés|διαφήμιση|διαφημιση|adv|reklam|reklama|реклама|广告|廣告|広告|광고|פרסומת|pr|sponsored( content)?|ad)\s*[:\-–—]?\s*$",
    r"\b(advertising disclosure|affiliate links?|bei den verlinkungen handelt es sich um|we may (receive|earn) (a |an )?(affiliate )?(compensation|commission))\b",
    // Comment sections.
    r"^(\d+\s+)?(comments?|kommentare?|beiträge|commentaires?|comentarios?)\s*(\(\d+\))?\s*:?$",
    r"^(alle kommentare( anzeigen| lesen)?|(show|view|read) all comments|voir tous les commentaires)$",
    r"^\d+\s+(thoughts? on|responses? to|comments? on|repl(y|ies) to|gedanken zu|kommentare? zu|antworten (zu|auf)|réflexions? (sur|au sujet de)|commentaires? (sur|pour))\b",
    // A call to comment, alone or after a question ("Did we miss your
    // favorite? Tell us in the comments below.").
    r"(^|\?\s+)(tell us|let us know|share your (thoughts|favou?rites?))\b[^.!?]{0,60}\bin the comments( section)?( below)?\s*[.!]?$",
    r"^(leave a (reply|comment)|write a comment|post a comment|répondre à cet article|kommentar(e)? (schreiben|verfassen)|schreibe(n sie)? einen kommentar|laisser un commentaire|deja (un|tu) comentario|lascia un commento|laat een reactie achter|deixe (um|seu) comentário)\b",
    // Appeals for readers' pictures and stories ("Are you in the grips of
    // the storm? Please share your videos, pictures and stories at
    // iReport.", "Sign in now to share your story", "Have a photo or video
    // of the flooding? Share it with us …", "… tag us on Instagram").
    // In German, Dutch, Polish, French, Spanish and Italian: "Schicken Sie
    // uns Ihre Bilder an …", "Stuur ons je foto's via …", "Przyślij je na
    // adres …", "Envoyez-nous vos photos à …", and the Dutch tip heading
    // "Heb jij een tip voor onze redactie?".
    r"^(do you )?(have|got) (a |any )?(photos?|videos?|pictures?|footage)\b[^.!?]{0,80}\?\s*(please )?(share|send|upload|submit|e-?mail) (it|them) (with|to) us\b|(^|\?\s*)(take a (photo|picture|pic)( of it)? and )?tag us (on|in|at|with|using) (instagram|twitter|facebook|tiktok|social media)\b|\b(please )?(share|send( us)?|upload|submit) your (own )?(videos?|photos?|pictures?|stories|story|experiences?)\b[^.!?]*?\b(at|with us|here|now|to us|by e-?mailing)\b|\bsign in (now )?to share your (story|photos?|videos?)\b|\b(schicken|senden) sie uns (ihre |ihr )?(fotos|bilder|videos?)\b[^.!?]*\b(an|per|über)\b|\bstuur (ons )?(je|jouw|uw) (foto'?s|video'?s|beelden)\b[^.!?]*\b(naar|via|op)\b|\b(przyślij|wyślij|prześlij)(cie)? (nam (swoje )?(zdjęcia|nagrania)|je)\b[^.!?]*\b(na adres|na|przez)\b|\b(envoyez|envoie)-nous (vos|tes) (photos|vidéos)\b[^.!?]*\b(à|sur|par|via)\b|\b(envíanos|mándanos|envíenos) (tus|sus) (fotos|vídeos|videos)\b[^.!?]*\b(a|al|por|en)\b|\b(inviaci|mandaci|inviateci) (le tue|le vostre) (foto|immagini)\b[^.!?]*\b(a|su|via)\b|^heb (jij|je|u) een tip( voor (onze|de) redactie)?\s*\?$",
    // Disclaimers over a comment section ("The views expressed below do
    // not reflect …", CNN Arabic's "الآراء الواردة أدناه لا تعبر عن رأي …").
    r"^((the )?(views|opinions) expressed (below|in (the |these )?comments)\b|comments are moderated\b|الآراء الواردة أدناه)",
    // A picture's show and close buttons ("Bild anzeigen Bild schließen").
    r"^(((bild|foto|grafik) (anzeigen|schließen|vergrößern|öffnen)|(view|show|close|hide|enlarge) (image|photo|picture)|(voir|agrandir|fermer) l'image|(ver|ampliar|cerrar) (la )?imagen)\s*)+$",
    // Empty comment and rating boxes ("Bisher keine Kommentare", "(Noch
    // keine Bewertungen)", "No comments yet").
    r"^\(?((bisher|noch) )?keine (kommentare|bewertungen)( vorhanden)?\.?\)?$|^\(?no (comments|ratings|reviews)( yet)?\.?\)?$|^(aucun commentaire|sin comentarios|nessun commento)\.?$",
    // A site's own messaging channel ("Join our Telegram channel",
    // "¿Ya sabías que en Guatemala.com tenemos canal de Telegram?").
    r"\b(our|unser(en)?|nuestro|tenemos|notre) ((canal|channel|kanal|chaîne) (de |on |auf |sur |en )?(telegram|whatsapp)\b|(telegram|whatsapp)[- ]?(canal|channel|kanal)\b)|\b(è|is) (anche|also) (su|on) (whatsapp|telegram)\b.{0,120}(canale|channel|clicca|click|iscriv|join|subscribe)",
    // Disclaimers over readers' contributions ("NOW Grenada is not
    // responsible for the opinions, statements or media content presented
    // by contributors").
    r"\bis not responsible for the (opinions|content|views|statements)\b.{0,80}\b(contributors|users|readers|commenters)\b",
    // Author boxes and post furniture (an empty "By:" label before the
    // topics: "By: Topics: Crack, damage, …").
    // A separator a date line left may come first ("| Abgelegt unter
    // Coding, Spiele").
    r"^[|•·]?\s*(über (den|die) autor(in)?|about the author|(sobre (la firma|el autor|la autora)|à propos de l'auteur|sull'autore|over de auteur|om skribenten)\s*:?$|this entry was posted|dieser eintrag wurde veröffentlicht|posted in|filed under|abgelegt unter|veröffentlicht unter|classé dans|archivado en|archiviato in|(by:\s*)?(tags?|topics|schlagwörter|themen|kategorie(n)?|categories|mots-clés|étiquettes|parole chiave|trefwoorden|palavras-chave)\s?:)",
    // Text size controls and rows of share buttons with the site's name
    // ("Text Size", "| FoxNews.com Email Recommend Tweet").
    r"^(text size|font size|schriftgröße|taille du texte|tamaño de (la )?letra)\s*:?\s*(a\s*a\s*a)?$|^a\s?a\s?a$",
    // A share button's label alone ("Email", "Tweet", a list's items),
    // and the site's address after a separator ("| FoxNews.com").
    r"^(e-?mail|recommend|tweet|pin( it)?|pinterest|whatsapp|messenger|linkedin|reddit|flipboard|copy link)$|^[|•·]\s*[a-z0-9-]+\.(com|org|net|co\.uk|de|fr)$",
    r"^[|•·\s]*(([a-z0-9-]+\.(com|org|net|co\.uk|de|fr))|e-?mail|recommend|tweet|share|print|facebook|twitter|linkedin|pinterest|whatsapp|reddit|flipboard|copy link|comments?)([\s|•·]+(([a-z0-9-]+\.(com|org|net|co\.uk|de|fr))|e-?mail|recommend|tweet|share|print|facebook|twitter|linkedin|pinterest|whatsapp|reddit|flipboard|copy link|comments?)){2,}[\s|•·]*$",
    // The publication a post appeared in, on a line of its own ("Published
    // in Better Programming" on Medium).
    r"^(published in|publié dans|veröffentlicht in)(\s+[^.!?]{1,60})?$",
    // A date line with a category or author after a separator
    // ("24.01.2022 11:38 Kategorie: News", "2021-10-16 | Opinion").
    r"^(\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.?\s+\p{L}+\.?\s+\d{4}|\p{L}+\.?\s+\d{1,2},?\s+\d{4}|\p{L}+\s+\d{4})(,?\s+(um\s+)?\d{1,2}:\d{2}(\s*(uhr|h|am|pm))?)?\s*(\||·|•|kategorie:|category:|rubrik:|categoría:|catégorie:)\s*[^|]{1,40}$",
    // Publishers' small print (a Brazilian paper's note on an intern's
    // story: "*Estagiária sob supervisão de …"), error-report and
    // discussion prompts, caption toggles.
    r"^(the contents of this (site|website|page) are\b|type of story\s*:|\*?\s*estagi[áa]ri[oa] sob (a )?supervisão d[eao]\b.*|thank you for (subscribing|signing up)( to [^.!?]{1,60})?[.!]?$|(conforme a los criterios de|according to the principles of|selon les critères du) the trust project\b.{0,40}|(copyright|©|\(c\))\s*(©\s*)?(\d{4}|by\b)|copyright\s+[^.!?]{1,60}$|report (an )?(error|typo)|join the (conversation|discussion)|(less|more|show (more|less)|hide caption|toggle caption|expand|collapse)$)",
    // Reprint notices: wire copy's "This material may not be published,
    // broadcast, rewritten or redistributed", a small site's "This
    // article is the copyrighted property of …", "Written permission must
    // be obtained before reprint"; in Korean, Japanese and Chinese the
    // ban on reprinting closes the line ("무단 전재 및 재배포 금지", after
    // "…저작권법의 보호를 받습니다." too, "無断転載を禁じます", "未经授权不得转载"),
    // and a copyright may be
    // marked with a circled c ("Copyrights ⓒ …").
    r"^(this (material|article|story|content|report) (may|must) not be (published|reproduced|republished|reprinted|redistributed|copied)\b|this (material|article|story|content) is the copyrighted property of\b|(written|prior) permission (must be obtained|is required|is needed)\b.{0,40}\b(reprint|reproduc|republish|publication|copy|copie))",
    // The CJK reprint bans and the circled c, apart: a pattern without a
    // literal to look for runs on every line, and one with Unicode `\b`
    // would fall back to the slow engine on each non-ASCII one.
    r"^[^。.!?“”\x22「」]{0,40}((저작권법의 보호를 받습니다\.\s*)?무단\s*전재[^.]{0,30}(금지|금합니다)|無断(転載|複製)[^。]{0,20}(禁じます|禁止)|(未经(授权|许可)|版权所有)[^。]{0,20}(不得|禁止)(转载|复制|使用))\W*$|^[-–—\s]*(copyrights?\s*ⓒ|ⓒ[^.。!?]{1,40}$)",
    // A press release's heading lines and its press officer ("FOR
    // IMMEDIATE RELEASE", "Media Contact: Dana Poe, Communications
    // Manager …").
    r"^(for immediate release(\s*[:|–—-]\s*[^!?]{0,40})?|embargoed (until|for)\b[^.!?]{0,60})$|^(media|press) contacts?\s*:\s*[^,]{2,40},\s*[^,]{0,40}\b(communications?|media|press|public (information|affairs)|spokes(person|man|woman))\b",
    // Membership and donation appeals.
    r"^(please )?(support (our|independent|quality) journalism|support local journalism[.!]?$|become a (member|supporter)|make a (donation|contribution)|apoya (el|nuestro|nuestra) (periodismo|trabajo)|te necesitamos|unterstützen sie (uns|unseren|unsere|unabhängigen)|werden sie (mitglied|unterstützer)|soutenez (notre|le) journalisme)\b|^(підтримайте (незалежну |якісну )?журналістику|поддержите (независимую |качественную )?журналистику)[.!]?($|\s+[\x22«„\p{Lu}])",
    r"\b(donate (now|today)|cancel (at )?any ?time|hazte (miembro|socio)|cancela cuando quieras|jetzt (unterstützen|spenden|mitglied werden)|faites un don)\b",
    // Promotions of a video, gallery or podcast beside the story
    // ("WATCH: Inside the new centre", "Gallery: Xbox One X | 14 Photos").
    // Openers no sentence has may end in a full stop, one sentence after
    // them ("Sehen Sie im Video: So arbeiten die Lotsen …", "SE VIDEO: …";
    // a quoted message of several is the story's).
    r"^(watch( live| now)?|video|listen|gallery|slideshow|podcast|ansehen|anhören|regarder|écouter)\s*:\s*[^.!?]{1,100}$|^(sehen sie (hier )?im video|se video(en)?|katso video|ver (el )?v[íi]deo|assista ao v[íi]deo|guarda il video|bekijk (de )?video|regardez la vidéo)\s*:\s*[^.!?]{1,160}\.?$",
    // Follow prompts ("Puedes seguir EL PAÍS en Facebook…"); in the
    // languages whose imperative is also advice ("Siga as orientações da
    // Defesa Civil pelas redes sociais"), only asking to follow the paper
    // or "us" on a network, with nothing between ("Siga o Courier nas
    // redes sociais", "Ακολουθήστε το … στο Google News"), or ending in
    // "!" ("… kövesse a … rovatát a Facebookon is!").
    r"^(puedes seguir|you can (also )?follow( us)? on|follow us on|folgen sie uns (auf|bei)|suivez-nous sur|seguici su|devenez fan (sur|de)|become a fan (on|of)|werden sie fan (auf|von)|hazte fan (en|de))\b|^ติดตาม.*?ได้ที่|^síguenos en (facebook|twitter|instagram|google news|youtube|tiktok|telegram|whatsapp|nuestras redes)\b|^(siga-nos|siga (o|a) ([^.!?:,;]|\.\S){1,40}|ακολουθήστε (το|μας)( ([^.!?:,;]|\.\S){1,40})?|volg ons|obserwuj nas|sledujte nás|følg oss|følg os|följ oss)\s(nas|no|na|em|στο|στα|σε|op|w|na|på)\s(redes sociais|facebook|twitter|instagram|google news|youtube|tiktok|telegram)\b|\bkövess(e|en)\b[^.?]{0,100}\b(facebook|twitter|instagram)\w*( is)?!$",
    // WeChat prompts on Chinese pages ("更多精彩内容请关注新浪新闻公众号",
    // "扫码关注…", a QR code's label "新浪新闻公众号").
    r"请关注.{0,30}(公众号|微信|微博)|(扫码|扫描(下方|上方)?二维码|长按(识别)?二维码).{0,30}(关注|阅读|下载|查看)|^[^。！？，,.!?]{0,20}(公众号|微信号)$",
    r"^(本文)?(来源|來源|出典)\s*[:：]\s*\S{1,20}$",
    // Chinese pages' closing lines: a disclaimer ("免责声明：…",
    // "特别声明：…"), the headline the story first ran under ("原标题：…",
    // which portals print over a story they carry), the keywords, an app
    // prompt ("…请下载“澎湃新闻”APP", "下载客户端…"), a "click to open"
    // link's label, and a pager of bracketed numbers ("【1】【2】【3】").
    r"^(免责声明|版权声明|原标题)\s*[:：]|^特别声明\s*[:：]\s*(以上|本文)|^(文章)?关键[词字]\s*[:：]|^[（(]?[^。！？]{0,30}请?下载.{0,20}(app|客户端)|^点击(进入|查看|阅读|这里)|^([【\[]\d{1,2}[】\]]\s*){2,}$",
    // Players' and widgets' labels left between paragraphs ("Continue
    // reading the main story", "SKIP ADVERTISEMENT", "Listen to this
    // article · 4 min", "Show comments", "Tap to unmute").
    r"^(continue reading the main story|skip advertisement|listen to (this|the) (article|story)(\s*[·•|-]?\s*\d+\s*min(ute)?s?)?|((show|view|hide|load|read) comments?|(voir|afficher|lire) les commentaires|kommentare (anzeigen|lesen)|(mostra|leggi) i commenti|(ver|mostrar|leer) (los )?comentarios|bekijk (de )?reacties)(\s*\(\d+\))?|tap to unmute)$",
    // Players', share buttons' and paywalls' notices ("Media playback is
    // unsupported on your device", "Click to share on Twitter (Opens in
    // new window)", "You have reached your limit of free articles"), an
    // article's age ("This article is more than 5 years old"), a share
    // count, a label left alone ("Updated", date labels whose dates went:
    // "Publiziert: |", "Publishing date: • Last Updated • 3 minute read";
    // "Story continues", "Story
    // Continued Below", "Slideshow", "Get In Touch"), a video's notes
    // ("Please use Chrome browser for a more accessible video player", "NOW
    // WATCH: Popular Videos …", "Video provided by …"), a gallery's controls
    // run together ("Show ThumbnailsShow CaptionsLast SlideNext Slide"), a
    // graphic's pointer ("GRAPHIC: …"), a letters prompt ("Submit a letter
    // to the editor at …"), and a wire desk's note on what an update added
    // ("(Updates with share move in fourth paragraph.)", "(Adds details,
    // quotes)"). Alternatives of one regex: every regex tried on a page's
    // blocks costs time.
    r"^(please use (the )?chrome browser for a more accessible video player|now watch\s*:\s*(popular )?videos?\b.*|\((updates? (with|to|throughout|prices|shares?)|adds|recasts|rewrites|refiles|changes (dateline|headline))\b[^()]{0,120}\)\.?|media playback is (unsupported|not supported) on your device|click to (share on [\w+ ]{1,20}|e-?mail (this|a link) to a friend|print)(\s*\(opens in new window\))?|you have reached your (limit|maximum) of free (articles|stories)\b.*|get unlimited (digital )?access\b.{0,60}|this (article|story) is more than \d+ (years?|months?) old|this (article|story) has been shared [\d,.]+ times\.?|like us on facebook\.?|scroll down for video|advertisement\s*[-–—:]\s*continue reading below|story continue[sd]( below)?|slideshow|((show|hide) (thumbnails|captions?)|(first|last|previous|next) slide)(\s*((show|hide) (thumbnails|captions?)|(first|last|previous|next) slide))+|video provided by\b.+|graphic\s*:.+|get in touch|((let us know|we want to hear|tell us) what you think (about|of) this (article|story)\.?\s*)?submit a letter to the editor (at|here|via|or)\b.*|((published|publishing date|posted|updated|last updated|last modified|publiziert|aktualisiert|zuletzt aktualisiert|veröffentlicht|publié( le)?|mis à jour( le)?|modifié( le)?|publicado( el| em)?|actualizado( el)?|atualizado( em)?|pubblicato( il)?|aggiornato( il)?|ultimo aggiornamento|gepubliceerd|bijgewerkt|publisert|oppdatert|sist oppdatert|publicerad|uppdaterad|udgivet|opdateret|julkaistu|päivitetty|\d{1,2} min(ute)?s? read)\s*:?\s*([|•·,/–-]\s*)?)+|please enable javascript to view the comments.*|(please )?read our comment(ing)? (policy|guidelines)\b.*|click here for more( \w+){0,3}\.?|ver comentarios|image (caption|copyright)\b.*|(this is a developing story\.?\s*)?(please )?check back (later |soon )?for (more |the latest )?updates\b[^!?]{0,60}|this is a developing (news )?story\b[^!?]{0,60}[.!]?|über dieses thema berichtete\b.{0,100})$",
    // Calls to click for more of the site's stories or to sign up, alone
    // on their line ("CLICK HERE FOR MORE SPORTS COVERAGE", "Want more
    // stories like this? Sign up here."; a link to a report or a
    // timetable stays), a tip line mid-story, also in other languages:
    // the question, then a call to send the tip to the newsroom ("Vet du
    // noe om saken? Send oss en e-post på tips@…", "Masz ciekawy temat?
    // Napisz do nas na adres …"), or the label alone ("Tips oss"); an
    // interview's answer ("Har du et tips til nybegynnere? – Start rolig
    // …") or a police appeal ("Vet du noe om saken? Politiet ber vitner
    // ringe …") is the story's. And `LABELS`.
    r"^((click|tap) here for (more|the latest)\b[^!?]{0,60}\b(coverage|news|stories|headlines|videos?)(\s+(from|on|at)\s+[\w.-]+(\s+[\w.-]+)?)?\.?|(want|like|enjoy|love|looking for)\b[^.!?]{0,60}\?\s*(sign up|subscribe)( here| now| today)?[.!]?|(have|got) a (news )?tip\s*\?\s*(e-?mail|send|call|text|write to|contact)( it to)? (us|the newsroom|our newsroom|our reporters)\b.{0,100}|(vet du noe om (saken|dette)|har du (et|ett) tips?( om [^?]{1,60})?|onko sinulla (uutis)?vinkki[^?]{0,40}|masz ciekawy temat( lub ważną informację)?|heb je een tip[^?]{0,40}|heeft u een tip[^?]{0,40})\?\s*(send oss|skriv til|skicka|mejla|tipsa|lähetä|napisz do nas|stuur|mail|e-?mail)\b[^?]{0,140}(@|redaksjon|redaktion|toimitu|redakcj|redactie|newsroom|vinkki|tips)[^?]{0,80}|tips oss|tipsa oss|tip ons)$",
    LABELS,
    // Paywall meters ("You have 3 free articles remaining.", "Enjoy
    // unlimited access for $1 a week."), a sign-off, and the links to a
    // newsroom's standards and to its feedback form ("Our Standards: The
    // Thomson Reuters Trust Principles.", "Send us your feedback").
    r"^(you have \d+ free (articles?|stories|story) (left|remaining)\b.{0,100}|enjoy unlimited (digital )?access (for|from) [$€£]?\d.{0,60}|thanks?( you)? for reading[.!]?|our standards\s*:\s*[^.!?]{0,60}\b(principles|policy|guidelines)\.?|send us (your )?feedback\.?)$",
    // A podcast's platforms ("Subscribe: Apple Podcasts | Spotify",
    // "Listen on Apple Podcasts").
    concat!(
        r"^(subscribe|listen|follow)( and (subscribe|listen|follow))?( (on|to|via|in))?\s*:?\s*",
        podcast_apps!(),
        r"(\s*(,|\||•|·|/|or|and|&)\s*",
        podcast_apps!(),
        r")*\s*[.!]?$"
    ),
    // A pointer to another story by its title ("READ: Council split over
    // pier lighting costs"): no sentence after the colon.
    r"^(also )?read( more)?\s*[:：|]\s*[^.!?]{1,120}$|^continue the conversation\b.{0,80}(@\w|[\w.+-]+@[\w-]+\.)",
    // Slideshow controls ("Prev Next", "‹ Previous | Next ›").
    r"^[‹«<←]?\s*(prev|previous|zurück|précédent|anterior)\s*[›»>→|/]?\s*(next|weiter|suivant|siguiente)\s*[›»>→]?$",
    // Slide counters and pagers ("1/5", "Image 2 of 12", "Page 1 of 3
    // Next ›", "Slideshow (2 Images)").
    concat!(
        "^",
        slide_counter!(),
        r"(\s*[|·]?\s*[‹«<←]?\s*(prev|previous|next|zurück|weiter|précédent|suivant|anterior|siguiente|precedente|successiva)\s*[›»>→]?)*$"
    ),
    r"^((view|open|see|launch|browse) (the )?)?(photo )?(slideshow|gallery|galerie|photos|fotos|bilder)\s*\(\d+\s*(images|photos|pictures|fotos|bilder)\)$",
    // A reporter's accounts at the foot ("Follow Jo Roe on Twitter: @joroe",
    // "Follow me on Twitter. Check out my website.").
    // With a "please" first, or several networks ("Please follow Money
    // Game on Twitter and Facebook", "Get Courier Business On Twitter,
    // Facebook, and Google+"), or asking to find the site there, with
    // where to send a story ("Find BBC News: East of England on
    // Facebook, Instagram and Twitter. If you have a story suggestion
    // email …").
    r"^(please )?(follow|folgen sie|folge|suivez|get|find)\b.{0,80}\b(on|auf|sur) (twitter|x|facebook|instagram|threads|mastodon|bluesky|linkedin|google\+)((,|,? and|,? or|,? &|,? und|,? et)\s+((on|auf|sur) )?(twitter|x|facebook|instagram|threads|mastodon|bluesky|linkedin|google\+))*\s*:?\s*(@\w+)?(\s+at\s+(https?://)?(www\.)?(twitter|x)\.com/\w+/?)?\.?(\s*check out my (website|blog)\b[^!?]{0,60}|\s*send (us )?your story ideas (to|via) \S+@[\w.-]+\w\.?|\s*if you have a story (suggestion|idea),? e-?mail \S+@[\w.-]+\w\.?)?$",
    // A time relative to the day the page was read ("2 hours ago",
    // "Updated 2 hours ago", "昨天"): it dates nothing once the page is
    // saved. And a subscribe button's label alone.
    r"^((published|posted|updated|last updated|veröffentlicht|aktualisiert|publié|mis à jour|publicado|actualizado)\s*:?\s*)?(\d{1,2}\s*(minutes?|mins?|hours?|hrs?|days?)\s+ago|yesterday|just now|vor \d{1,2} (minuten|stunden|tagen)|gestern|il y a \d{1,2} (minutes?|heures?|jours?)|hace \d{1,2} (minutos?|horas?|días?)|ayer)$|^(昨天|前天|刚刚|\d{1,2}\s*(分钟|小时|天)前|subscribe|abonnieren|s'abonner|suscribirse|订阅)$",
    // Breadcrumb trails ("You are here: Home > News", "您所在的位置： 首页 >
    // 快讯 > 公司").
    r"^(you are here|sie sind hier|vous êtes ici|usted está aquí|está aqui|ti trovi in|您所在的位置|您的位置|当前位置|當前位置|现在的位置|所在位置)\s*[:：]",
    // Back-links and mirror chrome.
    r"^(<|«|‹|←)?\s*(back to|zurück (zur|zum|zu)|retour (à|aux)|volver a)\b",
    r"^original source\b|\barticle images:",
    // Print, PDF and app prompts, and a house promotion in square
    // brackets between a story's paragraphs ("[… empfehlen wir Ihnen
    // unsere App, die Sie hier herunterladen können.]", "[… in unseren
    // Newslettern … hier kostenlos bestellen]").
    r"\b((download|get|install) (the |our )?([\w.-]+ ){0,3}apps?\b.*\b(ios|android|app store|google play)\b|news straight to your (phone|mobile|smartphone)|(laden sie|lade dir|hol dir) (jetzt )?(unsere|die) .{0,30}app\b|descarga (la|nuestra) app|^(descargue (la|nuestra) (aplicación|app)|baixe (o|nosso) (aplicativo|app))\b.{0,80}\b(ios|android|app store|google play|play store)\b|téléchargez (l'|notre )app)|^\[[^\[\]]{0,200}\b(app|apps|newsletter\w*|podcast|abo)\b[^\[\]]{0,200}\b(herunterladen|bestellen|abonnieren|anmelden|download|subscribe|sign up)\b[^\[\]]{0,100}\]$",
    r"^(print( this)?( article| page| story)?|drucken|als pdf herunterladen|download (the )?app)(\s*[|•·]?\s*(e-?mail|versenden|teilen|share|now|jetzt|\([^()]{1,20}\)))*\s*[.!:]?$|\b(dieses skript als pdf)\b",
    r"^((click|tap) here to )?(download|get|install) (the|our) ([\w.&'-]+ ){0,5}app\b",
    // The text a CMS puts where it hides an e-mail address from robots
    // (Joomla: "This email address is being protected from spambots. You
    // need JavaScript enabled to view it."), a video's play button, and
    // a prompt for readers' mail ("Questions? Comments? Email us at …").
    r"\b(this (e-?mail )?address is being protected from spambots|diese e-mail-adresse ist vor spambots geschützt|diese e-mail-adresse ist gegen spambots geschützt|cette adresse (e-?mail|électronique) est protégée contre les robots)\b|^play video$|^[\x22“„«]?questions\? comments\?",
    // Markers an advertisement or a loading widget leaves in the text,
    // also where a story goes on after an ad or a video in other
    // languages ("Haberin Devamı", "Mainos (Artikkeli jatkuu mainoksen
    // jälkeen)").
    r"^((the )?(story|article|text) continues (below|after (this |the )?(ad|advertisement))\b|continue reading below\b|(more )?(stories|articles|posts) loading\s*(\.\.\.|…|\.)?$|loading\s*(\.\.\.|…)?$|this content is imported from\b|(haberin devamı|(mainos\s*\(?\s*)?artikkeli jatkuu mainoksen jälkeen\)?|dalsza część (tekstu|artykułu) (pod|poniżej) (materiałem wideo|reklamą)|artikkelen fortsetter (under|etter) (annonsen|reklamen)|artikeln fortsätter (under|efter) (annonsen|reklamen))$)",
    r"^for the latest (news|updates|headlines)\b.{0,80}\b(head to|visit|go to|download)\b|^visit [^.!?]{1,40}(’|')s? homepage for more\b[^.!?]{0,20}\.?$",
    // View counters and rating prompts ("Visto 314 veces", "1.234 views",
    // "Просмотров: 12345", "Valorar:").
    r"^((visto|leído|gelesen|vu|viewed|read)\s+\d[\d.,]*\s+(veces|mal|fois|times)|\d[\d.,]*\s+(views|aufrufe|visitas|vues|lecturas|просмотр[а-я]*)|(views|aufrufe|visitas|vues|lecturas|просмотр[а-я]*|阅读|浏览|閲覧数|조회수?)\s*[:：]?\s*\d[\d.,]*|(valorar|rate this( article| story| post)?|bewerten|artikel bewerten|noter( cet article)?|оцените( статью)?)\s*:?)$",
    // A rating widget's count left after its stars ("(1 Bewertung)",
    // "4.5 (12 ratings)").
    r"^[,\s]*(\d([.,]\d)?\s*)?\(?\d[\d.,]*\s+(bewertung(en)?|ratings?|votes?|stimmen|évaluations?|valoraciones?)\)?$",
    // Error-report prompts ("Spotted an error?", "Sie haben einen Fehler
    // gefunden?"), with at most a short call after the question ("Report
    // it."): advice that goes on ("Found a mistake? Contact the bureau in
    // writing…") is a story's.
    r"^((you )?(spotted|found|noticed?|see) an? (error|mistake|typo)( in (this|the) (article|story))?|(sie haben |haben sie )?(einen )?fehler (gefunden|entdeckt)|(vous avez )?(repéré|trouvé|vu|remarqué) une (erreur|faute)|¿?(has|ha) (visto|encontrado) (un|algún) error)\s*\?(\s*[^.!?]{1,30}[.!]?)?$",
    // Pointers to the section's other stories: "Find more news from
    // Brightsea here.", "Mehr Nachrichten aus Hamburg finden Sie hier.",
    // and a heading of three words at most after "from" with no full stop
    // ("More news from Brightsea", "Mehr News aus Hamburg").
    r"^(find |you can find |read )?(more|further) (news|stories|articles) (from|about|on|in) [^.!?]{1,40} here\.?$|^(mehr|weitere) (nachrichten|news|artikel|meldungen) (aus|zu|über|zum|zur|von) [^.!?]{1,50} (finden sie|gibt es|lesen sie) (hier|(unter|auf) [^.!?]{1,40})\.?$",
    r"^((more|further) (news|stories) (from|in|about|on)|(mehr|weitere) (nachrichten|news|meldungen) (aus|zu|über|zum|zur|von)) [\p{L}-]+( [\p{L}-]+){0,2}$",
    // The labels of a story's tools, alone on their line: print, send,
    // copy, listen, enlarge, share in Italian, Portuguese, Dutch and
    // Polish, and links to the whole story or a subscription.
    r"^(artikel drucken|seite drucken|imprimer( l'article| cet article| la page)?|imprimir( artículo| noticia)?|stampa( articolo)?|(send|e-?mail) (this )?(article|story) to a friend|artikel (versenden|verschicken|per e-?mail (senden|versenden))|envoyer (cet|l')article|enviar (este|el) artículo|link kopieren|copier le lien|copiar (el )?enlace|copia link|listen to (this )?article|audio version of this (article|story)|(diesen |den )?(artikel|beitrag) (anhören|vorlesen( lassen)?)|écouter (cet |l')article|click to enlarge|zum vergrößern (an)?klicken|cliquez pour agrandir|haga clic para ampliar|clicca per ingrandire|watch the video (above|below)\.?|(read|see) the full (story|article)|read more (at|on) [^.!?]{1,40}|(click|tap) here to (subscribe|sign up|register)|(condividi|compartilhe|compartilhar|deel|delen|udostępnij)( (su|no|na|op|w) (facebook|twitter|x|whatsapp|linkedin|e-?mail))?)$",
    // An update note that says nothing more.
    r"^((this|the) (article|story|post|page) (has been|was) updated|(der|dieser) (artikel|beitrag|text) wurde aktualisiert)\.?$",
    // Reading times ("6 min read", "Lesezeit: 3 Min.", "Temps de lecture :
    // 4 min", "4 minuty čtení", "Lästid: 3 minuter", "3 mn" alone, after a
    // dateline's place: "Düsseldorf · 4 Min Lesezeit").
    r"^\p{L}[\p{L}-]*( \p{L}[\p{L}-]*)?\s*[•·|]\s*\d{1,3}\s*(min\.?|mins|minutes?|minuten|minutos|minuti|minuty|minut|minutter|minuter|minuuttia|perc)\s+(read|reading|lesezeit|de lecture|di lettura|de leitura|de lectura|čtení|czytania|lesing|läsning|lestid|lesetid|lästid|læsetid|lukuaika)$|^([•·|]\s*)?(\d{1,2}\s*(mn|min\.?)|\d{1,3}\s*(min\.?|mins|minutes?|minuten|minutos|minuti|minuty|minut|minutter|minuter|minuuttia|perc)\s+(read|reading|lesezeit|de lecture|di lettura|de leitura|de lectura|čtení|czytania|lesing|läsning|lestid|lesetid|lästid|læsetid|lukuaika)|(reading time|read time|lesezeit|lesedauer|temps de lecture|tiempo de lectura|tempo di lettura|tempo de leitura|leestijd|lecture en|lesetid|lästid|læsetid|lukuaika|doba čtení|czas czytania|olvasási idő)\s*:?\s*(ca\.\s*)?\d{1,3}\s*(min\.?|mins|minutes?|minuten|minutos|minuti|minuty|minut|minutter|minuter|minuuttia|perc))$",
];

/// A street address with a postcode: the publisher's, at the foot. Kept
/// out of `NOTICES`: its repeated word classes make a large automaton,
/// slow to run even on lines that do not start with a digit, so it is
/// only tried on lines that do.
const ADDRESS: &str = r"^\d{1,5}\s+[\w .'-]{2,40}\b(street|st\.|avenue|ave\.?|road|rd\.|boulevard|blvd\.?|drive|dr\.|lane|way|suite|straße|strasse|str\.)[\w .,#-]{0,60}\b\d{4,5}\b";

/// Headings of related-content boxes: the phrase alone, or followed by a
/// colon or arrow and a link title ("Read more: ...").
const RELATED: &str = r"^[»›>•►▶]?\s*(related( articles| stories| content| posts| coverage)?|read related( [\p{L}.]+)? (coverage|stories|articles)|(next|see)\s*[:：]\s*[^.!?]*[^.!?\s]$|mirá también|em destaque|mehr in \p{L}+|(à )?voir aussi|más información|läs (också|mer)|bekijk ook|meer over dit onderwerp|read (more|also|next)|go deeper|more (on this|from|stories|news)|see also|recommended( for you)?|you (may|might) also (like|be interested in)|more|auch interessant|mehr\s*[:：]|das könnte (sie|dich) auch interessieren|lesen sie (auch|mehr)|(mehr )?zum thema( auf [\w.-]+)?|weiterlesen|lire la suite|weiterführende[rn]? (links?|artikel|informationen)|weitere (artikel|beiträge|informationen|themen|nachrichten)|empfohlene beiträge|ähnliche (artikel|beiträge)|noticias relacionadas|artículos relacionados|articles similaires|articles liés|articoli correlati|notizie correlate|gerelateerde artikelen|artigos relacionados|notícias relacionadas|podobne artykuły|powiązane artykuły|lade weitere inhalte|à lire aussi|a lire aussi|lire aussi|more [\p{L} ]{1,30}[»›]|sur le même sujet|per approfondire|leer más|lea (también|más)|notas? relacionadas?|lee también|seguir leyendo|(también )?(te|le) (puede|podría) interesar|leia (também|mais)|veja também|leggi anche|potrebbe interessarti|lees ook|zie ook|zobacz (też|także|również)|czytaj (też|także|również|więcej)|lue (lisää|myös)|læs (også|mere|analyse)|les (også|mer)|se (også|även)|lire également|notre dossier|kapcsolódó( cikkek| hírek)?|související( články| zprávy)?|(čtěte|přečtěte si) (také|též)|(prečítajte si|čítajte) (tiež|aj)|i\x{307}?lgi\x{307}?li\x{307}? haberler|διαβ[άα]στε (επ[ίι]σης|ακ[όο]μη)|also read|also see|more great [\p{L}.]+ stories|see related( article| story)?|trending( now| stories| news| topics)?|most (popular|read|viewed|shared|commented)(( \p{L}+)? (stories|articles|news))?|editor.?s.? (picks?|choice)|recommended (stories|articles|videos?|reading)|(sponsored|promoted|partner) (stories|content|links|posts)|promoted|sponsored|paid( partner)? (content|posts?)|around the web|from (our|the) partners?|more videos|up next|watch (next|more)|related (topics|videos?|links|news)|in other news|top (stories|news|headlines|articles)|popular (now|stories|articles|on [\w.-]+)|don.?t miss|you (may|might) like|what to read next|more in \p{L}+( \p{L}+)?|(lo )?más leíd[oa]s?|meistgelesene?( artikel)?|les plus lus|le più lette|mais lidas|najczęściej czytane|читайте также|смотрите также|материалы по теме|по теме|اقرأ أيضا|اقرأ أيضاً|推荐阅读|相关新闻|相关阅读|相关报道|延伸\s*[·・]?\s*(阅读|推荐)|为你推荐|为您推荐|相关推荐|热门推荐|猜你喜欢|関連記事|関連ニュース|관련 ?뉴스|관련 ?기사|เรื่องที่เกี่ยวข้อง|ข่าวที่เกี่ยวข้อง|อ่านเพิ่มเติม)\s*([:：»›>….|-].*)?$";

/// Lines that open what follows a story: the section's other headlines,
/// comment prompts, error reports, appeals for readers' stories ("Got a
/// story?"), and the publisher's small print.
const TAIL_OPENERS: &str = r"^(since you.re here|we have a small favou?r to ask|more (news|stories|articles|headlines) (from|in|on)\b|more from\b|latest (news|stories|headlines)\b|top stories\b|join the (conversation|discussion|debate)|report (an )?(error|typo|a correction)|(have|got) a (confidential )?(news )?tip|we pay for your stories|(do you have|have you got|got) a story\b|(submit|send) (a|your) (news )?(tip|letter|correction)|comments? (are|is) closed|(add|post|view|show) (a |your )?comments?|the contents of this (site|website|page) are|(copyright|©|\(c\))\s*(©\s*)?\d{4}|all content (is )?(copyright|©)|weitere (nachrichten|meldungen) aus|(view|see|show|read) (all|more) (posts|articles|stories) (by|from)|(zeige )?alle (beiträge|artikel) von|(mehr|weitere) (artikel|beiträge) von|tous les articles de|más artículos de|mehr aus (dem|der)\b|diskutieren sie mit|fehler gefunden|plus d'actualités|réagir|más noticias de|(vorschau auf den )?nächste[rn]? (artikel|beitrag)\s*:?$|next (article|story|post)\s*:?$|article suivant\s*:?$|siguiente artículo\s*:?$|articolo successivo\s*:?$|(\d+ )?(lesermeinungen|leserkommentare)\b|(网友留言|网友评论|发表评论|我要评论|留言须知|暂无留言|最新资讯|热门排行|图片新闻)\s*[:：]?\s*(\(\d+\)|更多\S{0,4})?$)";

/// Patterns for photo credits and captions, matched case-insensitively.
const CREDITS: &[&str] = &[
    // An editor's credit on Chinese and Japanese pages ("[责任编辑: 赵文涵]").
    r"^[\[【（(［]?\s*(责任编辑|責任編輯|责编|編輯|编辑|責任編集)\s*[:：]",
    // A Chinese story's staff line: the reporter and at least one more
    // role, each with a name ("新京报记者 王佳慧 编辑 刘梦婕 校对 李立军").
    r"^(\p{Han}{0,6}记者\s*\p{Han}{2,4}|(编辑|校对|责编|美编|审核|摄影|实习生|通讯员)\s*[:：]?\s*\p{Han}{2,4})(\s+(编辑|校对|责编|美编|审核|摄影|实习生|通讯员)\s*[:：]?\s*\p{Han}{2,4})+$",
    r"\bcredit(s)?\s*(\.\.\.|…|:)",
    r"^(foto|fotos|photo|photos|bild|bilder|image|images|picture|grafik|illustration|quelle|source|copyright|©|\(c\))\s*(:|©|/|by\b)",
    // A source or cover picture's credit in other languages ("Fuente:
    // INE", "(Borítókép: Jo Roe / Index)").
    r"^\(?(fuente|fonte|forrás|kilde|källa|lähde|zdroj|źródło|bron|borítókép|fotó)\s*:",
    // "Photo by …" anywhere in a short line, but German "Fotos von …" only
    // opening one: "… schicken Sie keine Fotos von Verletzten" is a sentence.
    r"\b(photo|photograph|foto|picture|image|illustration)s?\s+(by|credit|courtesy)\b|^fotos?\s+von\b",
    r"^(©|\(c\))|\b(all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati|todos os direitos reservados|alle rechten voorbehouden|wszelkie prawa zastrzeżone|riproduzione riservata)\b",
    // A picture's licence alone on its line.
    r"^(public domain|domena publiczna|gemeinfrei|dominio público|domaine public|pubblico dominio)$",
];

/// A caption that ends in its photo credit ("... in May. Foto © Jane Roe",
/// "..., Bild via"; after a colon, see [`credit_after_colon`]): captions
/// run longer than notices, but article paragraphs do not end in a
/// credit. A credit in brackets ("(Jane Roe/AP)") is left alone: readers
/// of wire copy expect those captions kept.
const CAPTION_CREDIT: &str =
    r"\b(foto|fotos|photo|photos|bild|bilder|image|images)\s*(©|\(c\)|via\b)\s*[^.!?©()]{0,60}$";

/// Whether `lower` (a line in lower case) ends in a credit after a
/// sentence and a colon ("… on tuesday. photo: li wei/gc"): a name of five
/// words at most, with no comma, digit or sentence's end ("… in may.
/// photo: a century of portraits, through september 14" is a listing).
/// Tested in code: a pattern opening with a sentence's end would be
/// tried at every one.
fn credit_after_colon(lower: &str) -> bool {
    const WORDS: &[&str] = &[
        "foto", "fotos", "photo", "photos", "bild", "bilder", "image", "images",
    ];
    let Some((before, credit)) = lower.rsplit_once(':') else {
        return false;
    };
    let before = before.trim_end();
    let Some(word) = WORDS.iter().find(|w| before.ends_with(*w)) else {
        return false;
    };
    let sentence = &before[..before.len() - word.len()];
    let words = credit.split_whitespace().count();
    sentence.ends_with(char::is_whitespace)
        && sentence.trim_end().ends_with(['.', '!', '?'])
        && (1..=5).contains(&words)
        && !credit.contains(|c: char| {
            c.is_ascii_digit() || matches!(c, '.' | '!' | '?' | '©' | '(' | ')' | ',')
        })
}

/// Whether `lower` names a source after a label in a language whose
/// label also opens sentences and interview answers ("Izvor: Blic TV",
/// "Источник: ТАСС", "Kaynak: AA"): a name of four words at most, with no
/// punctuation inside ("Источник: Нет, я пришёл …" is an answer).
fn is_source_line(lower: &str) -> bool {
    const LABELS: &[&str] = &[
        "izvor",
        "извор",
        "източник",
        "джерело",
        "источник",
        "šaltinis",
        "avots",
        "allikas",
        "kaynak",
    ];
    let Some((label, name)) = lower.split_once(':') else {
        return false;
    };
    let name = name.trim().trim_end_matches('.');
    LABELS.contains(&label.trim())
        && (1..=4).contains(&name.split_whitespace().count())
        && !name.contains([',', '.', ';', ':', '!', '?', '«', '"'])
}

/// Captions with a credit at the end are judged up to this length.
const MAX_CAPTION_CHARS: usize = 500;

/// Agency names that make a very short line a credit ("AFP / JANE DOE").
const AGENCIES: &str = r"\b(afp|ap|dpa|reuters|getty images|istock(photo)?(\.com)?|shutterstock|imago|picture alliance|epa|unsplash|pixabay|adobe ?stock|xinhua)\b";

/// Agency names that are also ordinary words ("wenn" in German, "pool",
/// the Keystone pipeline, the Getty museum): a credit only beside a
/// slash, written in capitals ([`AGENCIES_IN_CAPITALS`]), or alone.
const AMBIGUOUS_AGENCIES: &str = r"\b(agencies|getty|keystone|wenn(\.com)?|ansa|efe|pool)\b";

/// [`AMBIGUOUS_AGENCIES`] as credits write them, matched on the line as
/// it is.
const AGENCIES_IN_CAPITALS: &str =
    r"\b(AGENCIES|GETTY|KEYSTONE|WENN|ANSA|EFE|POOL)\b|\b(?i:wenn\.com)\b";

/// Whether `line` is page furniture: a notice, prompt, heading of a
/// related-links box, or a photo credit.
pub fn is_boilerplate(line: &str) -> bool {
    judged(line).is_some_and(|(line, chars, lower)| {
        credit(line, chars, &lower)
            || chars <= MAX_NOTICE_CHARS
                && (LINE_PATTERNS[..NOTICES.len()]
                    .iter()
                    .any(|p| p.is_match(&lower))
                    || RELATED_RE.is_match(&lower) && !is_sentence_after_label(&lower)
                    || lower.starts_with(|c: char| c.is_ascii_digit())
                        && ADDRESS_RE.is_match(&lower)
                    || is_consent_ask(&lower)
                    || is_site_notice(line, &lower))
    })
}

/// Whether `line` (with `lower`, in lower case) is a call to the site's
/// forums ("Join our Space Forums to keep talking space …") or a row of
/// reaction buttons, each a capitalised word with its count run into it
/// ("Нравится58 Удивление41 Грусть12"). Tested in code first: a pattern
/// without a literal to look for would be run on every line.
fn is_site_notice(line: &str, lower: &str) -> bool {
    static FORUMS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^join our [\p{L}\p{N} ]{0,30}forums?(?:[ ,.;:!]|$)")
            .expect("valid forum call pattern")
    });
    let reaction = |word: &str| {
        let letters = word.trim_end_matches(|c: char| c.is_ascii_digit());
        let mut chars = letters.chars();
        letters.len() < word.len()
            && letters.chars().count() >= 3
            && chars.next().is_some_and(char::is_uppercase)
            && chars.all(char::is_lowercase)
    };
    lower.starts_with("join our ") && FORUMS.is_match(lower)
        || line.split_whitespace().count() >= 3 && line.split_whitespace().all(reaction)
        || lower.contains("enter") && is_typo_notice(lower)
}

/// Whether `lower` asks the reader to mark an error and press Ctrl+Enter
/// to report it ("Если вы заметили ошибку, выделите ее и нажмите
/// Ctrl+Enter.", "Fehler gefunden? Markieren Sie den Text und drücken Sie
/// Strg+Enter."): the error named first, near the start, then the
/// marking, then the key, and little after it. A story's sentence about
/// the key ("The error came when staff pressed Ctrl + Enter", "Many
/// select the text and press Ctrl+Enter: a common mistake") names them
/// in another order.
fn is_typo_notice(lower: &str) -> bool {
    /// How far into the line (in bytes) the error is named.
    const ERROR_WITHIN: usize = 80;
    /// How much (in bytes) may follow the key ("…, щоб повідомити про це
    /// редакцію.").
    const AFTER_KEY: usize = 120;
    static KEY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(ctrl|strg)\s*\+\s*enter").expect("valid key pattern"));
    const ERROR: &[&str] = &[
        "ошибк",
        "опечатк",
        "помилк",
        "error",
        "typo",
        "mistake",
        "fehler",
        "faute",
        "erreur",
        "errore",
        "błąd",
    ];
    const MARK: &[&str] = &[
        "выдел",
        "виділ",
        "select",
        "highlight",
        "markier",
        "sélectionn",
        "selezion",
        "zaznacz",
    ];
    let Some(key) = KEY.find(lower) else {
        return false;
    };
    let first = |words: &[&str]| words.iter().filter_map(|w| lower.find(w)).min();
    let (Some(error), Some(mark)) = (first(ERROR), first(MARK)) else {
        return false;
    };
    error <= ERROR_WITHIN
        && error < mark
        && mark < key.start()
        && lower.len() - key.end() <= AFTER_KEY
}

/// Whether `lower` (a line in lower case) is an embed's consent box
/// asking leave to show it ("An dieser Stelle finden Sie Inhalte aus
/// Twitter. … brauchen wir Ihre Zustimmung.", "nous avons besoin de
/// votre consentement"): the words of a letter or an official quoted in
/// the story ("„Dafür brauchen wir Ihre Zustimmung“, heißt es") are the
/// story's, so a line with quotation marks is not one.
fn is_consent_ask(lower: &str) -> bool {
    static CONSENT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(an dieser stelle finden sie (externe )?inhalte (aus|von)\b|(brauchen|benötigen) wir ihre (zustimmung|einwilligung)|nous avons besoin de votre (consentement|accord)|(necesitamos|requerimos) (tu|su) consentimiento|(hebben we|we hebben) (je|uw) toestemming nodig|(abbiamo bisogno del|è necessario il) (tuo|suo) consenso)\b")
            .expect("valid consent pattern")
    });
    CONSENT.is_match(lower) && !lower.contains(['"', '„', '“', '”', '«', '»', '‚', '‘'])
}

/// Whether `line` is the label of a tool button in Chinese, Japanese or
/// Korean alone ("印刷", "文字サイズ 小 中 大", "인쇄", "打印"): furniture in a
/// paragraph or list item, though a heading of a guide to those tools
/// may read the same.
pub fn is_tool_label(line: &str) -> bool {
    const LABELS: &[&str] = &[
        "印刷",
        "保存",
        "共有",
        "シェア",
        "ツイート",
        "인쇄",
        "공유",
        "스크랩",
        "打印",
        "分享",
    ];
    const SIZE_LABELS: &[&str] = &[
        "文字サイズ",
        "글씨크기",
        "글씨 크기",
        "글자크기",
        "글자 크기",
        "字号",
    ];
    let line = line.trim();
    LABELS.contains(&line)
        || SIZE_LABELS.iter().any(|l| {
            line.strip_prefix(l).is_some_and(|rest| {
                let rest: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
                matches!(rest.as_str(), "" | ":" | "：" | "小中大")
            })
        })
}

/// Whether `line` is a photo credit (`CREDITS`, a caption ending in its
/// credit, an agency's name in a short credit line): furniture even set
/// inside running text ("The pier at dusk. <em>Photo: Jo Roe</em>").
pub fn is_credit(line: &str) -> bool {
    judged(line).is_some_and(|(line, chars, lower)| credit(line, chars, &lower))
}

/// `line` trimmed, its length in characters and its words in lower case
/// with one plain space between them (pages space words with no-break
/// spaces and line breaks as often as with plain spaces; the patterns are
/// written with one), if it is short enough to be furniture at all.
fn judged(line: &str) -> Option<(&str, usize, String)> {
    let line = line.trim();
    let chars = line.chars().count();
    if chars == 0 || chars > MAX_CAPTION_CHARS {
        return None;
    }
    let lower = line
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    Some((line, chars, lower))
}

/// [`is_credit`] of a [`judged`] line.
fn credit(line: &str, chars: usize, lower: &str) -> bool {
    static ASSISTANCE: LazyLock<Regex> = LazyLock::new(|| {
        let name = r"\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*";
        Regex::new(&format!(
            r"^[—–-]*\s*(?i:with assistance (?:by|from))\s+{name}(?:(?:,|,?\s+and)\s+{name})*\.?$"
        ))
        .expect("valid assistance credit pattern")
    });
    CAPTION_CREDIT_RE.is_match(lower)
        || credit_after_colon(lower)
        || is_source_line(lower)
        || lower.contains("with assistance") && ASSISTANCE.is_match(line)
        || chars <= MAX_NOTICE_CHARS
            && LINE_PATTERNS[NOTICES.len()..]
                .iter()
                .any(|p| p.is_match(lower))
        || chars <= MAX_CREDIT_CHARS && agency_credit(line, lower)
}

/// Whether a short line is an agency's credit (see [`AGENCIES`] and
/// [`AMBIGUOUS_AGENCIES`]).
fn agency_credit(line: &str, lower: &str) -> bool {
    static AMBIGUOUS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(AMBIGUOUS_AGENCIES).expect("valid agency pattern"));
    static CAPITALS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(AGENCIES_IN_CAPITALS).expect("valid agency pattern"));
    let named = AGENCIES_RE.is_match(lower);
    if lower.contains('/') {
        return named || AMBIGUOUS.is_match(lower);
    }
    is_credit_case(line)
        && (named
            || CAPITALS.is_match(line)
            || line.split_whitespace().count() <= 2 && AMBIGUOUS.is_match(lower))
}

/// A credit line written as a name list in capitals ("AFP / MARCO BERTORELLO",
/// "Judy Eddy/WENN.com"): no sentence punctuation at the end.
fn is_credit_case(line: &str) -> bool {
    !line.ends_with(['.', '!', '?', ':', '"', '”']) && line.split_whitespace().count() <= 6
}

/// An e-mail address, as reporters' contact lines give it: the pattern
/// [`is_foot_block`], the body's contact-line check and the byline's
/// cleaning use.
pub const EMAIL_ADDRESS: &str = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+";

/// Whether a whole block (a paragraph, not a word inside one) is only a
/// reporter's address or account ("jo@courier.example", "Twitter
/// @joroe") or a separator a date line left behind ("|").
pub fn is_foot_block(block: &str) -> bool {
    static FOOT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"^(?:{EMAIL_ADDRESS}|(?i:twitter|x|instagram)\s*:?\s*@\w+\.?|(?i:https?://)?(?i:www\.)?(?i:twitter|x)\.com/\w+/?|[|•·/–—-]+)$"))
            .expect("valid foot pattern")
    });
    FOOT.is_match(block.trim())
}

/// Whether `line` opens the run after the story (see `TAIL_OPENERS`), or
/// is small print of any length ([`is_small_print`]).
pub fn is_tail_opener(line: &str) -> bool {
    // An appeal may open as the end of a sentence ("… we have a small
    // favour to ask.").
    let line = line.trim().trim_start_matches(['…', '.', ' ']);
    is_small_print(line)
        || line.chars().count() <= MAX_NOTICE_CHARS && TAIL_OPENER_RE.is_match(&line.to_lowercase())
}

/// Whether `block`, of any length, is a publisher's small print: it opens
/// with a copyright sign and a year ("© 2022, Courier.example. This
/// article is the copyrighted property of …"), a shop-links disclosure
/// ("All products recommended by … are selected by our editorial team",
/// "This post contains affiliate links"), a newspaper's print note ("A
/// version of this article appears in print on …", "This article
/// appeared in the … print edition as: …", "Appeared in the … print
/// edition as …", "Published in the print edition of …", in Dutch, French,
/// German, Spanish, Italian and Portuguese too) or a science site's citation
/// and copyright lines ("Citation: … retrieved … from https://…", "This
/// document is subject to copyright."), as no story paragraph does.
pub fn is_small_print(block: &str) -> bool {
    static SMALL_PRINT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:©|\(c\)|copyright\s*©)\s*\d{4}\b|^(?i:all products (recommended|featured) (by|on) .{2,60} (are|were) (independently )?selected by our editor)|^(?i:(this|our) (post|article|story|page|site) (may )?contains? affiliate links)|^(?i:a version of this (article|story|review|essay) appears? in print on\b)|^(?i:(this (article|story) (first )?)?appear(ed|s) in (the )?(.{2,60} )?print edition\b)|^(?i:published in the print edition of\b)|^(?i:print headline\s*:)|^(?i:een versie van dit artikel verscheen\b)|^(?i:une version de cet article (est parue|a paru|a été publiée) dans\b)|^(?i:dieser (artikel|text|beitrag) erschien (zuerst |auch )?(in der\b.{0,60}\bausgabe\b|im \S+ (nr\.?|heft|ausgabe)\s*\d))|^(?i:(este artículo|questo articolo|este artigo|esta reportagem) (fue|foi|è stato|è stata) (publicad[oa]|pubblicat[oa])( originalmente| originariamente)? (en la|na|nell'|sull') ?(edición impresa|edizione cartacea|edição impressa) (del?|do|di|dell')\s*\d)|^(?i:this document is subject to copyright\b)|^(?i:we pay for your (stories|videos|pictures)\b)|^(?i:citation\s*:.{10,300}\bretrieved\b.{2,40}\bfrom https?://)")
            .expect("valid small print pattern")
    });
    SMALL_PRINT.is_match(block.trim_start())
}

/// The longest block [`is_appeal`] judges: an appeal is a paragraph or
/// two, a story is longer.
pub(super) const MAX_APPEAL_CHARS: usize = 700;

/// Whether `block`, of at most [`MAX_APPEAL_CHARS`], asks readers to pay
/// for the site's journalism, in a box in or after the story: it says
/// readers fund the site ("ProPublica is supported by readers like you",
/// "If you enjoyed this article, …"), or asks them to subscribe,
/// donate or join, or says readers support it ("Reader support makes up
/// …", "Quality journalism isn't cheap"), while it names the site's own
/// journalism ("our journalism", "our budget", "this newsroom"). A
/// story's sentence that asks for donations to a cause names none
/// ("Officials asked residents to consider donating to the relief
/// fund"), and a quotation is the story's.
pub fn is_appeal(block: &str) -> bool {
    // Readers named as the site's funders: enough alone.
    const FUNDED: &str = r"(?:funded|supported|made possible|powered|sustained) (?:primarily |largely |mostly |entirely )?by (?:readers|members|listeners|supporters|subscribers) like you|readers like you|if you (?:enjoyed|liked) this (?:article|story|post)|(?:we are|we're|we’re) (?:more |increasingly )?reliant on (?:your|readers') support|non riceviamo finanziamenti pubblici|sono i nostri lettori a (?:garantire|sostenere|finanziare)|(?:finanziat|sostenut)[oa] dai (?:nostri )?lettori|financé par (?:ses|nos) lecteurs|von (?:unseren|ihren) lesern finanziert|financiad[oa] por (?:nuestros|sus) lectores";
    // A call to pay: an appeal when the site's journalism is named too.
    const ASK: &str = r"reader support (?:makes|is|keeps|allows|lets|helps)|(?:quality|good|independent|local) journalism (?:isn.t|is not|doesn.t come|does not come) (?:cheap|free)|we rely on (?:members|readers|donations|supporters|subscribers)|(?:please )?consider (?:subscribing|donating|buying|purchasing|supporting|making a (?:donation|contribution|gift)|becoming a (?:member|subscriber|supporter|sustaining member)|joining)|donate (?:now|today)|become a (?:member|supporter|subscriber|sustaining member)|(?:subscribe|join) (?:now|today)|make a (?:tax-deductible )?(?:donation|gift|contribution)|get unlimited (?:digital )?access|diventa (?:anche tu )?sostenitore|sostienici|sostieni (?:adesso|ora|oggi)|soutenez(?:-nous)? (?:notre|le) journalisme|abonnez-vous|unterstützen sie (?:uns|unsere arbeit|unseren journalismus|unabhängigen journalismus)|(?:unabhängiger|guter) journalismus kostet|apoya (?:nuestro|el) (?:trabajo|periodismo)|hazte (?:socio|suscriptor|miembro)|el periodismo de calidad cuesta|se financia (?:con|gracias a) (?:las cuotas de )?(?:[\d.]+ |sus |nuestros )?(?:socios|lectores|suscriptores)";
    // Either, in one pass over the many blocks that hold neither (with
    // ASCII word boundaries the fast automaton runs on any text).
    static EITHER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?i)(?-u:\b)(?:{FUNDED}|{ASK})(?-u:\b)"))
            .expect("valid appeal pattern")
    });
    static FUNDED_RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?i)\b(?:{FUNDED})\b")).expect("valid funding pattern")
    });
    static OURS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:our (?:[\w-]+,? ){0,3}(?:journalism|reporting)|our (?:newsroom|coverage|stories|budget|mission)|this (?:site|newsroom|magazine)|(?:support|fund) (?:our|independent|local|quality) (?:journalism|reporting)|with a (?:digital |print )?subscription|journalism you can trust|stories like (?:this|these)|if you (?:enjoyed|liked|value|appreciate)|giornalismo libero|(?:il )?nostro giornalismo|notre journalisme|unsere arbeit|unseren journalismus|unabhängiger journalismus|nuestro (?:trabajo|periodismo)|periodismo de calidad|artículos como este)\b")
            .expect("valid journalism pattern")
    });
    let block = block.trim();
    // Most blocks are a page's boxes of many paragraphs: their length in
    // bytes rules them out before their characters are counted.
    // A quotation ("“As a nonprofit, we rely on donations,” she said") is
    // the story's.
    let quoted = |b: &str| {
        b.contains(['"', '“', '”']) && [" said", " says", " told"].iter().any(|w| b.contains(w))
    };
    block.len() <= MAX_APPEAL_CHARS * 4
        && block.chars().count() <= MAX_APPEAL_CHARS
        && EITHER.is_match(block)
        && (FUNDED_RE.is_match(block) || OURS.is_match(block))
        && !quoted(block)
}

/// Whether what follows a label's colon is a sentence of the story
/// ("Related: the council also approved a bus route, which will run …."):
/// twelve words or more ending in a full stop, as no headline does.
fn is_sentence_after_label(line: &str) -> bool {
    line.split_once([':', '：']).is_some_and(|(_, rest)| {
        let rest = rest.trim();
        rest.ends_with('.') && rest.split_whitespace().count() >= 12
    })
}

/// Whether `line` opens a related-links box, so the list after it goes too.
pub fn is_related_heading(line: &str) -> bool {
    let line = line.trim();
    line.chars().count() <= 60 && RELATED_RE.is_match(&line.to_lowercase())
}

/// `NOTICES` and `CREDITS`, one regex each. Not a `RegexSet`: with Unicode
/// `\b` a set falls back to the PikeVM on any non-ASCII line, while a
/// single regex first rejects most lines with its literal prefilter
/// (16 times faster over the eval corpora's 21,000 blocks).
static LINE_PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    NOTICES
        .iter()
        .chain(CREDITS)
        .map(|p| Regex::new(p).expect("valid notice or credit pattern"))
        .collect()
});

static ADDRESS_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(ADDRESS).expect("valid address pattern"));

static RELATED_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(RELATED).expect("valid related pattern"));

static TAIL_OPENER_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(TAIL_OPENERS).expect("valid tail opener pattern"));

static CAPTION_CREDIT_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(CAPTION_CREDIT).expect("valid caption credit pattern"));

static AGENCIES_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(AGENCIES).expect("valid agency pattern"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tool_labels_are_recognised() {
        for line in [
            "印刷",
            " 인쇄 ",
            "文字サイズ",
            "文字サイズ 小 中 大",
            "글씨크기",
            "打印",
        ] {
            assert!(is_tool_label(line), "{line}");
        }
        for line in [
            "印刷物の配布は中止された。",
            "文字サイズを変更する方法",
            "공유 경제",
        ] {
            assert!(!is_tool_label(line), "{line}");
        }
    }

    #[test]
    fn furniture_lines_are_recognised() {
        let furniture = [
            "Already a subscriber? Log in.",
            "Published in",
            "Published in Better Programming",
            "Bisher keine Kommentare",
            "Bild anzeigen Bild schließen",
            "Enlarge image",
            // Advertisement labels in other languages and tagDiv's dashes.
            "PUBBLICITÀ",
            "Publicidade",
            "Advertentie",
            "Annons",
            "Реклама",
            "广告",
            "広告",
            "פרסומת",
            "광고",
            "PR",
            "- Advertisement -",
            "Mainos",
            "Annonse",
            "Hirdetés",
            "ΔΙΑΦΗΜΙΣΗ",
            "ADV",
            // Markers where a story goes on after an ad or a video.
            "Haberin Devamı",
            "Mainos (Artikkeli jatkuu mainoksen jälkeen)",
            "Dalsza część tekstu pod materiałem wideo",
            "Artikkelen fortsetter under annonsen",
            "Artikeln fortsätter under annonsen",
            // Publishers' small print and sources under a chart, in
            // other languages.
            "Riproduzione riservata ©",
            // A Brazilian paper's note on an intern's story, and a share
            // label.
            "*Estagiária sob supervisão de Renata Alves",
            "* Estagiário sob a supervisão de Jo Roe",
            "Teile mich:",
            "© RIPRODUZIONE RISERVATA",
            "Conforme a los criterios de The Trust Project Saber más",
            "Fuente: Registro Mercantil y datos de la compañía. EC Diseño",
            "Fonte: Istat",
            "Forrás: KSH",
            "Kilde: Danmarks Statistik",
            "(Borítókép: Kovács Tamás / Index)",
            // A reading time alone, and a house promotion in brackets
            // between a story's paragraphs.
            "3 mn",
            "4 min",
            "[Wenn Sie alle aktuellen Entwicklungen live auf Ihr Handy haben wollen, empfehlen wir Ihnen unsere App, die Sie hier herunterladen können.]",
            "[Konkrete Bezirksnachrichten gibt es in unseren Leute-Newslettern aus allen zwölf Berliner Bezirken. Die können Sie hier kostenlos bestellen: leute.courier.example]",
            "Type of Story: News Based on facts, either observed and verified directly by the reporter.",
            "Thank you for subscribing to our Daily News Capsule newsletter.",
            // Tip lines in other languages.
            "Tips oss",
            "Vet du noe om saken? Send oss en e-post på tips@courier.example eller ring 22 86 30 00.",
            "Onko sinulla uutisvinkki? Lähetä vinkki toimitukselle.",
            "Har du et tip om havnen? Skriv til lokalredaktionen på havn@courier.example.",
            "Masz ciekawy temat lub ważną informację? Napisz do nas na adres alert@courier.example.",
            "Haben Sie Fotos vom Unwetter? Schicken Sie uns Ihre Bilder an leser@courier.example oder per WhatsApp.",
            "Stuur ons je foto's via WhatsApp of mail naar nieuws@courier.example.",
            "Masz zdjęcia rekordowo niskiej Wisły? Przyślij je na adres warszawa@courier.example",
            "Envoyez-nous vos photos à redaction@courier.example.",
            "¿Estuviste allí? Envíanos tus fotos a lectores@courier.example.",
            "Heb jij een tip voor onze redactie?",
            "Se vuoi restare aggiornato sulle notizie di Milano iscriviti gratis alla newsletter di Corriere Milano.",
            "Mit der Anmeldung akzeptieren Sie unsere Datenschutzerklärung.",
            "Corriere della Sera è anche su Whatsapp. È sufficiente cliccare qui per iscriversi al canale.",
            "微信 微博 QQ空间",
            "分享让更多人看到",
            "Top highlight",
            "Sobre la firma",
            "» LIRE AUSSI - Vins de Bordeaux : les petits châteaux dans la tourmente",
            "Check back for updates on this developing story.",
            "READ | Eskom cuts power to three Free State towns",
            "ALSO READ | Eskom cuts power to three towns",
            "Continue the conversation @joroe | jo.roe@courier.example",
            "This is a developing story. Please check back for updates.",
            "Über dieses Thema berichtete die tagesschau am 20. Februar 2020 um 17:00 Uhr.",
            "Space.com is supported by its audience. When you purchase through links on our site, we may earn an affiliate commission.",
            "domena publiczna",
            "(Noch keine Bewertungen)",
            "No comments yet.",
            "¿Ya sabías que en Guatemala.com tenemos canal de Telegram? Únete desde tu celular en este enlace de invitación.",
            "Join our WhatsApp channel for the latest news",
            "NOW Grenada is not responsible for the opinions, statements or media content presented by contributors. In case of abuse, click here to report.",
            "| Abgelegt unter 1337, Coding, Spiele",
            "Filed under: Harbour, Ferries",
            "Classé dans Actualités",
            "Want all of The Daily Courier? Subscribe.",
            "You have a preview view of this article while we are checking your access.",
            "Thank you for your patience while we verify access.",
            "Sign up for our morning newsletter",
            "Never miss the latest news by signing up",
            "Don't miss local news: sign up for Courier's free Portby newsletter and real-time alerts.",
            "We use cookies to improve your experience. Accept all",
            "Share this article",
            "Auch interessant",
            "Read more:",
            "WATCH: Inside the new dispatch center",
            "Gallery: Xbox One X | 14 Photos",
            "Puedes seguir EL PAÍS Política en Facebook y Twitter, o apuntarte aquí para recibir nuestra newsletter semanal.",
            "Devenez fan sur , suivez-nous sur",
            "Siga o Correio do Porto nas redes sociais: Instagram, Twitter e Facebook.",
            "Síguenos en Facebook y Twitter.",
            "Ακολουθήστε μας στο Facebook",
            "Ακολουθήστε το courier.gr στο Google News και μάθετε πρώτοι όλες τις ειδήσεις",
            "Ha nem akar lemaradni a tudomány legérdekesebb híreiről, kövesse a Courier Tudomány rovatát a Facebookon is!",
            "Volg ons op Twitter en Instagram.",
            "Obserwuj nas w Google News.",
            "Descargue la aplicación de EL COURIER para Android o iOS y reciba notificaciones de las noticias más importantes.",
            "Baixe o aplicativo do Courier no Google Play ou na App Store.",
            "[责任编辑: 赵文涵 ]",
            "［有料会員限定］ この記事は会員限定です。電子版に登録すると続きをお読みいただけます。",
            "158 Beiträge",
            "Visto 314 veces",
            "1.234 views",
            "Просмотров: 12345",
            "Valorar:",
            "By: Topics: Crack, damage, earthquake, nation, obelisk",
            "Text Size",
            "| FoxNews.com Email Recommend Tweet",
            "Share Tweet Email",
            "Tweet",
            "Are you in the grips of the wintry storm? Please share your videos, pictures and stories at iReport.",
            "Be first to contribute Sign in now to share your story.",
            "The views expressed in the comments do not reflect those of the Courier.",
            "الآراء الواردة أدناه لا تعبر عن رأي موقع CNN بالعربية، بل تعكس وجهات نظر أصحابها فقط.",
            "| FoxNews.com",
            "ติดตามประชาไทอัพเดท ได้ที่: เฟซบุ๊ก https://fb.me/prachatai",
            "Alle Kommentare anzeigen",
            "Image 1 of 8",
            "Prev Next",
            "‹ Previous | Next ›",
            "Slideshow (2 Images)",
            "Page 1 of 3 Next ›",
            "Media playback is unsupported on your device",
            "Click to share on Twitter (Opens in new window)",
            "You have reached your limit of free articles.",
            "This article is more than 5 years old",
            "Advertisement - Continue Reading Below",
            "Please enable JavaScript to view the comments powered by Disqus.",
            "Story continues",
            "Updated",
            // Date labels whose dates went, and a reading time with them.
            "Publiziert: |",
            "Publishing date: • Last Updated • 3 minute read",
            "Mis à jour le",
            "Publicado: | Actualizado:",
            // A reading time in French; a video's promotion.
            "Lecture en 4 min.",
            "Düsseldorf · 4 Min Lesezeit",
            "Voir les commentaires",
            "Kommentare anzeigen (12)",
            "Sehen Sie im Video: So arbeiten die Lotsen im Hafen – ein Job zwischen Containerriesen und Nebel.",
            "SE VIDEO: Slik gikk rennet i Holmenkollen",
            "Image copyright Getty Images",
            "Zum Thema",
            "Weiterlesen: Hafen wird saniert",
            "Seite 2 von 4 | Weiter",
            "Follow Courier reporter Jo Roe on Twitter: @joroe.",
            "Copyright Harbour Courier",
            "You may also be interested in:",
            "More: Ferry fares to rise in spring",
            "À lire aussi",
            "ADVERTISEMENT",
            "Anzeige",
            "3 Comments",
            "Leave a Reply",
            "< Back to Harbour News front page",
            "Original source (on modern site) | Article images: [1] [2]",
            "The mayor at the pier on Monday.Credit...Pool photo by Jane Roe",
            "Foto: Stadtverwaltung/Max Muster",
            "Photo: Reuters",
            "AFP / MARCO ROSSI",
            "Judy Roe/WENN.com",
            "© 2024 Harbour Media Inc. All Rights Reserved.",
            "Über den Autor",
            "For breaking news download the Courier apps for iOS and Android.",
            "Get the latest news straight to your phone with the Courier app.",
            "Download the\u{a0}Courier apps\u{a0}for iOS and Android",
            "24.01.2026 11:38 Kategorie: Hafen",
            "2026-10-16 | Opinion",
            "5. März 2026, 19:49 | Ada Byrne",
            "The ferry at dawn on its first crossing. Foto © Jane Roe",
            "The pier in 1920, Bild via",
            "People queue for the ferry on Tuesday. Photo: Li Wei/GC",
            "The contents of this site are ©2026 Harbour Media. All rights reserved.",
            "Copyright 2026 Harbour Media Inc.",
            "Report Error",
            "This material may not be published, broadcast, rewritten or redistributed.",
            "Join our Space Forums to keep talking space on the latest missions, night sky and more!",
            "Нравится58 Удивление41 Грусть12",
            "Якщо ви помітили помилку, виділіть необхідний текст і натисніть Ctrl + Enter, щоб повідомити про це редакцію.",
            "Если вы заметили ошибку, выделите ее и нажмите Ctrl+Enter.",
            "Found a typo? Select it and press Ctrl+Enter.",
            "Fehler gefunden? Markieren Sie den Text und drücken Sie Strg+Enter.",
            "Підтримайте незалежну журналістику",
            "Поддержите независимую журналистику",
            "Підтримайте незалежну журналістику \"Українська правда\" працює для вас вже 20 років. Станьте членом Клубу УП. Підтримати УП",
            "FOR IMMEDIATE RELEASE",
            "For Immediate Release: May 19, 2020",
            "Media Contact: Dana Whitfield, Communications Manager dwhitfield@ridgeport.example | 360-555-0107",
            "Press contacts: Ana Poe, public information officer, 555-0100",
            "Нашли опечатку? Выделите её и нажмите Ctrl+Enter",
            "For immediate release — May 19, 2020",
            "View gallery (6 photos)",
            "Did we miss your favorite? Tell us in the comments below.",
            "Let us know in the comments!",
            "Did you make this recipe? Take a photo and tag us on Instagram with #eatharbour.",
            "Have a photo or video of the flooding? Share it with us on Near Me or tag @KHOU on social media.",
            "Got video of the crash? Send it to us at news@courier.example",
            "Izvor: Blic TV",
            "Источник: РИА Новости",
            "Джерело: УНІАН",
            "Kaynak: AA",
            "- Copyrights ⓒ 조선일보 & chosun.com, 무단 전재 및 재배포 금지 -",
            "<저작권자(c) 연합뉴스, 무단 전재-재배포 금지>",
            "- 하버신문의 콘텐츠는 저작권법의 보호를 받습니다. 무단 전재, 복사, 배포 등을 금합니다. -",
            "記事・写真の無断転載を禁じます。",
            "未经授权不得转载。",
            "This article is the copyrighted property of the Harbour Courier.",
            "Written permission must be obtained before reprint in online or print media.",
            "Join the conversation",
            "less",
            "Hide caption",
            "1200 Harbour Street, Suite 4, Portsmouth, NH 03801",
            "2/5",
            "Support independent journalism: become a member today.",
            "Tú también puedes hacer periodismo incómodo. Cancela cuando quieras.",
            "Unterstützen Sie unseren Journalismus",
            "3 of 12",
            "Agencies",
            "Le puede interesar: Homicidios bajan en la ciudad",
            "See related article: Rent vote set for Tuesday",
            "Читайте также: Паром снова ходит",
            "推荐阅读",
            "为你推荐",
            "延伸 · 推荐",
            "扫码阅读全文",
            "本文来源：新京报",
            "免责声明：本文来自自媒体，不代表本网的观点和立场。",
            "特别声明：以上文章内容仅代表作者本人观点，不代表本网观点或立场。",
            "原标题：港口今年将新开三条渡轮航线",
            "新京报记者 王佳慧 编辑 刘梦婕 校对 李立军",
            "编辑 刘梦婕 校对 李立军",
            "文章关键词： 港口 渡轮",
            "(本文来自港口日报，更多原创资讯请下载“港口日报”APP)",
            "点击进入专题：",
            "【1】【2】【3】【4】",
            "扫描下方二维码关注港口日报官方微信",
            "2 hours ago",
            "Updated 2 hours ago",
            "Published 3 hours ago",
            "Posted: 5 days ago",
            "Last updated 12 mins ago",
            "Aktualisiert vor 3 Stunden",
            "Publié il y a 2 heures",
            "昨天",
            "订阅",
            "関連記事",
            "您所在的位置： 首页 > 快讯 > 公司",
            "You are here: Home › News",
            "【责任编辑:王萌 】",
            "（责任编辑：李伟）",
            "来源：新华网",
            "分享：",
            "更多精彩内容请关注新浪新闻公众号",
            "新浪新闻公众号",
            "扫码关注港口日报微信",
            "シェア",
            "Click here to download the KWTX First Alert Weather app for live radar and alerts.",
            "Download the Courier 7 app to get alerts.",
            "Story continues below advertisement",
            "Article continues below this ad",
            "Loading...",
            "This content is imported from Twitter.",
            "For the latest news, weather, sports, and streaming video, head to Courier-TV.",
            "5 Gedanken zu „Endlich wird es spannend“",
            "12 thoughts on “Pier reopens”",
            "6 min read",
            "• 4 min read",
            "4 minuty čtení",
            "Lästid: 3 minuter",
            "Lukuaika 5 minuuttia",
            "12 minute read",
            "Lesezeit: 3 Min.",
            "Temps de lecture : 4 min",
            "Reading time: 5 minutes",
            "Please follow Harbour Game on Twitter and Facebook.",
            "Follow me on Twitter or LinkedIn. Check out my website or some of my other work here.",
            "Follow me on Twitter. Check out my website.",
            "Follow BBC East Midlands on Facebook, Twitter, or Instagram. Send your story ideas to eastmidsnews@bbc.co.uk.",
            "Find BBC News: East of England on Facebook, Instagram and Twitter. If you have a story suggestion email eastofenglandnews@bbc.co.uk",
            "Find us on Facebook and Twitter.",
            "Follow BBC Yorkshire on Facebook, on Twitter and on Instagram. Send your story ideas to yorkslincs.news@bbc.co.uk",
            "Go deeper: Ferries make a comeback",
            "Get Courier Business On Twitter, Facebook, and Google+",
            "Follow us on Twitter",
            "Questions? Comments? Email us at",
            "\"Questions? Comments? Email us at",
            "Répondre à cet article",
            "Diese E-Mail-Adresse ist gegen Spambots geschützt! JavaScript muss aktiviert werden, damit sie angezeigt werden kann.",
            "This email address is being protected from spambots. You need JavaScript enabled to view it.",
            "Play Video",
            "A lire aussi : Le port rouvre",
            "MORE COMMENTARY »",
            "Mehr zum Thema auf Courier.de",
            "Weiterführender Link",
            ", (1 Bewertung)",
            "4.5 (12 ratings)",
            "Weiterführende Links:",
            "Continue reading the main story",
            "SKIP ADVERTISEMENT",
            "Listen to this article · 4 min",
            "Show comments (12)",
            "Tap to unmute",
            "Trending",
            "Most Popular",
            "Editor's Picks",
            // Newsletters in Italian, Dutch, Portuguese and French.
            "Iscriviti alla newsletter",
            "Meld je aan voor onze nieuwsbrief",
            "Assine nossa newsletter",
            "Abonnez-vous à notre newsletter",
            // Error-report prompts.
            "Spotted an error? Report it.",
            "Found a mistake in this article?",
            "Sie haben einen Fehler gefunden? Jetzt melden.",
            "Haben Sie einen Fehler entdeckt? Schreiben Sie uns.",
            "Vous avez repéré une erreur ?",
            // Pointers to a section's other stories.
            "Find more news from Brightsea here.",
            "More news from Brightsea",
            "Mehr Nachrichten aus Hamburg finden Sie hier.",
            "Weitere Nachrichten aus der Region finden Sie hier.",
            "Mehr News aus Hamburg",
            // An embed's consent box.
            "Empfohlener redaktioneller Inhalt",
            "An dieser Stelle finden Sie einen externen Inhalt von Twitter, der den Artikel ergänzt. Sie können ihn sich mit einem Klick anzeigen lassen und wieder ausblenden.",
            "Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden. Damit können personenbezogene Daten an Drittplattformen übermittelt werden.",
            "Recommended editorial content",
            "We need your consent to load this Twitter content.",
            "An dieser Stelle finden Sie Inhalte aus Twitter. Um mit Inhalten aus Twitter und anderen sozialen Netzwerken zu interagieren oder diese darzustellen, brauchen wir Ihre Zustimmung.",
            "Pour afficher ce contenu Twitter, nous avons besoin de votre consentement.",
            "Para ver este contenido necesitamos tu consentimiento.",
            "Om deze inhoud te tonen hebben we je toestemming nodig.",
            "This content is not available due to your privacy preferences.",
            "Mit Klick auf \"Inhalt laden\" stimmen Sie zu, dass Daten an Twitter übermittelt werden.",
            "Tutti i diritti riservati",
            "Todos os direitos reservados.",
            "Alle rechten voorbehouden.",
            // Tools' labels, related headings and comment prompts in
            // other languages.
            "Read the full story",
            "Click here to subscribe",
            "Watch the video above.",
            "Read more at Other News",
            "Mots-clés : port",
            "Condividi su Facebook",
            "Deja tu comentario",
            "Lascia un commento",
            "Noticias relacionadas",
            "Articles similaires",
            "Articoli correlati",
            "Gerelateerde artikelen",
            "Artigos relacionados",
            "Click to enlarge",
            "Zum Vergrößern klicken",
            "Artikel drucken",
            "Imprimer l'article",
            "Send this article to a friend",
            "Artikel versenden",
            "Link kopieren",
            "Listen to article",
            "Artikel anhören",
            "Audio version of this article",
            "Diesen Artikel vorlesen lassen",
            // An update note that says nothing more.
            "This article has been updated.",
            "Der Artikel wurde aktualisiert.",
            // Calls to click, alone on their line.
            "CLICK HERE FOR MORE SPORTS COVERAGE FROM COURIER.EXAMPLE",
            "Click here for the latest ferry news",
            "Click to email this to a friend (Opens in new window)",
            "Click to print (Opens in new window)",
            // A question and a call to sign up, a tip line mid-story.
            "Want more stories like this? Sign up here.",
            "Like what you read? Subscribe now!",
            "Have a news tip? Email us at tips@courier.example.",
            "Got a tip? Send it to the newsroom.",
            // Buttons of a picture, a slideshow, a player or an ad.
            "Buy Photo",
            "Show Caption",
            "Previous Slide",
            "Next slide",
            "Close",
            "Skip Ad",
            "Ad Feedback",
            "Like this:",
            "JUST WATCHED",
            "Now Playing",
            "Gift this article",
            "Save for later",
            "Reprints",
            "Link copied",
            "Pinterest",
            "Text size A A A",
            "A A A",
            "Font Size:",
            "Autoplay",
            "Enlarge this image",
            "Click to expand",
            "Fullscreen",
            "View full screen",
            "Dela artikeln:",
            "Del artikkelen",
            "Mehr Artikel aus dieser Rubrik gibt's hier: Altona",
            "Scroll to continue with content",
            "Continue Reading",
            "Contact the author",
            "Comment on this story",
            // A podcast's platforms, newsletters named by their inbox.
            "Subscribe: Apple Podcasts | Spotify | Google Podcasts",
            "Listen on Apple Podcasts",
            "Listen and subscribe on Spotify, Apple Podcasts or Stitcher.",
            "Sign up for daily emails to get the latest Courier news.",
            "Get the latest Courier headlines in your inbox.",
            "[What you need to know to start the day: Get Courier Today in your inbox.]",
            "Support local journalism",
            "Top Articles",
            "Must watch",
            "Replay",
            // A pointer to another story after "Read:".
            "READ: The full council report on the ferry",
            "Read: Council split over pier lighting costs",
            // Paywall meters, sign-offs, standards and feedback links.
            "You have 3 free articles remaining.",
            "You have 1 free story left this month. Subscribe for unlimited access.",
            "Enjoy unlimited access for $1 a week.",
            "Thank you for reading!",
            "Thanks for reading.",
            "Our Standards: The Thomson Reuters Trust Principles.",
            "Send us your feedback",
            // A print button with its neighbours in a row.
            "Drucken Versenden",
            "Print this article | Email",
            "Download app now",
            "Als PDF herunterladen (1,2 MB)",
            // A video widget's notes.
            "Please use Chrome browser for a more accessible video player",
            "NOW WATCH: Popular Videos from Insider Inc.",
            // A wire desk's notes: who helped, what an update added.
            "— With assistance by Kari Lundberg",
            "With assistance from Jo Roe and Li Wei.",
            "(Updates with share move in fourth paragraph.)",
            "(Adds details, quotes from mayor)",
            // An ad's marker, a gallery's controls run together, a video's
            // and a graphic's credit lines, a tip box's button, an
            // agency's follow line, a magazine's letters prompt.
            "Story Continued Below",
            "Slideshow",
            "Show ThumbnailsShow CaptionsLast SlideNext Slide",
            "Video provided by Newslook",
            "GRAPHIC: Container freight rates slide - tmsnrt.rs/2oKe0Rz",
            "Get In Touch",
            "Are you affected by the landslip? Share your experiences by emailing haveyoursay@courier.example.",
            "Follow Jo Roe on Twitter at https://twitter.com/JoRoeAP",
            "Let us know what you think about this article. Submit a letter to the editor at mail@courier.example.",
            "We want to hear what you think about this article. Submit a letter to the editor or write to letters@courier.example.",
            // A loading widget's words, a link to the site's front page, a
            // syndication link.
            "More stories loading.",
            "Loading…",
            "Visit Harbour Courier's homepage for more stories.",
            "Reuse this content",
            "Réutiliser ce contenu",
        ];
        for line in furniture {
            assert!(is_boilerplate(line), "{line}");
        }
    }

    #[test]
    fn article_sentences_are_kept() {
        let prose = [
            "The council voted 7–2 on Tuesday to fund the night ferry.",
            "PR firms bid for the harbour contract.",
            "编辑刘梦婕说，校对工作已在周二完成。",
            "Join the harbour's rowing club, the mayor urged residents on Tuesday.",
            "Join the community garden! Plots are $20 a season.",
            "Join our community, the mayor told newcomers.",
            "She told us in the comments last year that the pier was unsafe.",
            "Readers tell us in the comments that the ferry is always late, and they are right.",
            "Have a photo of the old pier? The museum is collecting them for its autumn show, which opens in May.",
            "Do you have a photo of your grandparents? Many families lost theirs in the fire.",
            "The mayor said: download the ferry app or queue at the kiosk, and most people queued.",
            "Источник в мэрии сообщил, что ремонт начнётся в мае.",
            "Источник: Нет, я пришёл, когда уже всё горело.",
            "Izvor: svi stubovi mosta biće pregledani, navodi se u dokumentu.",
            "Kaynak: sularının sıcaklığı 35 derece civarında",
            "Have a photo of the old station? Send it to the museum, Whitley said.",
            "Got a video of the van? Submit it online, police urged drivers.",
            "The slogan is simple: carry it out, tag us on Instagram.",
            "Best review wins a year of snacks. Let us know in the comments.",
            "IMPORTANT: Download the app only from the official store.",
            "Videos: 4K at 60 fps",
            "Iowa 24 Nebraska 17 Ohio 3",
            "password123 qwerty2020 dragon1",
            "特别声明：本公司从未与任何机构就股权转让进行接触，网传信息均不属实。",
            "记者注意到，这份方案的页脚写着“内部资料，版权所有，未经许可不得复制”。",
            "東西新聞は今月から、全記事に電子透かしを入れた。まとめサイトへの無断転載も全面的に禁止。",
            "ⓒ 기호는 저작권을 뜻하는 표시로 흔히 쓰이지만, 법적 효력은 없다고 전문가들은 설명했다.",
            "당국은 사진의 무단 전재를 금지하는 법안을 내년에 처리할 계획이라고 밝혔다.",
            "3月11日，记者从北京市交通委获悉，编辑部将跟进报道。",
            "This is a developing story about the ferry, the mayor said on Tuesday when she opened the new pier.",
            "More on that later.",
            "Next, the council will vote on the pier budget in March.",
            "See you at the harbour, she said.",
            "Il sindaco è anche su Telegram, dove pubblica ogni giorno.",
            "The group's leader is also on Telegram, where he has 40,000 followers.",
            "Sobre el autor del ataque, la policía no ha dado más detalles.",
            "Reuters reported that the talks had stalled.",
            "Subscribers to the ferry pass will pay less, the mayor said, and the cookie shop on the pier will stay open until midnight through the summer season to serve late passengers.",
            "She said the newsletter she founded in 1998 had changed how the town argued about its harbour, its schools and its roads, and she regretted nothing about it at all, not even the long nights she spent writing it.",
            "Comments from residents were mostly positive.",
            "Trending topics on social media showed the ferry was the talk of the town.",
            "Most popular among the passengers was the late crossing.",
            "Listen to the harbour master explain the new timetable in our podcast.",
            "The ferry app will be available for Android next spring, the operator said.",
            "Siga o exemplo dos vizinhos, disse o prefeito.",
            "Volg ons op de voet, zei de burgemeester tegen de vissers.",
            "A rendőrség arra kéri a lakosságot, kövesse a helyi hírekben a lezárásokat.",
            "Los pescadores descargan la aplicación del puerto para ver las mareas.",
            "Siga as orientações da Defesa Civil pelas redes sociais e pelo SMS 40199.",
            "Siga las indicaciones de Protección Civil en redes sociales y no se acerque a los cauces.",
            "Seuraa viranomaisten tiedotteita radiosta ja poliisin Twitter-tililtä.",
            "Ακολουθήστε τις ανακοινώσεις της Πολιτικής Προστασίας στο Twitter και καλέστε το 112.",
            "A polgármester azt kérte a lakosságtól, kövesse a város Facebook-oldalán a lezárásokat.",
            "Siga o dinheiro: foi com essa frase, publicada no Twitter, que o deputado abriu a sessão.",
            "El Gobierno recomienda que cada ciudadano descargue la aplicación Radar COVID, disponible para Android e iOS.",
            "O ministério pede que a população baixe o aplicativo Coronavírus-SUS, disponível para Android e iOS.",
            "Chi scarica l'app Immuni da Google Play o dall'App Store riceverà un avviso.",
            "Síguenos en la calle, no solo en las redes, gritaban los manifestantes.",
            "The port (AFP) said the ferry would run nightly.",
            "The council approved the plan (Reuters).",
            "The group announced the move on its Telegram channel on Sunday.",
            "No comments were made at the meeting.",
            "The photo is in the public domain.",
            "24.01.2026 11:38",
            "March 5, 2026",
            "2026-10-16 | The council voted to fund the night ferry after a long debate on Tuesday",
            "The ferry leaves the pier at dusk. (Jane Roe/Harbour Press photo via AP)",
            "More than 200 people came to the meeting.",
            "2024/25",
            "The charity said it would support local journalism in the town through a new grant scheme for young reporters who want to cover the harbour.",
            "Copyright law was the subject of the second debate, which ran late.",
            "10 Downing Street said the talks would resume on Monday 12 May.",
            "Watch: the ferry crosses in rough seas, and nobody aboard minds.",
            "Video: what the council said.",
            "Published in 1998, the book sold well in the harbour towns.",
            "Updated figures came on Tuesday.",
            "Lecture en cours, dit-il.",
            "Sehen Sie sich das an, sagte der Kapitän.",
            "Vorbereitung · 20 Min.",
            "Backzeit | 35 Min.",
            "Zwemmen · 28 min",
            "Sehen Sie das Video: Ihr Paket wurde beim Transport beschädigt. Details unter paket.example",
            "Ver vídeo: tu hijo ha tenido un accidente. Llama a este número cuanto antes.",
            "Follow us",
            "Previous owners said the next pier would be longer.",
            "Follow these steps shared on Twitter to keep the pier safe.",
            "Download the forms from the council's website before Friday.",
            "The story continues after his death in 1920, when the pier passed to the town.",
            "The video was viewed 2 million times in a day.",
            "Email, tweet, share.",
            "The mayor asked residents to share their stories of the flood.",
            "\"Please share your stories,\" she told the crowd, and the council listened.",
            "courier.example",
            "Topics for the council's meeting: the pier, the ferry and the budget.",
            "Read 300 times, the letter was never answered.",
            "会員数は昨年より増えた。",
            "来源不明的资金流入了港口项目。",
            "You are here because the council asked you to come.",
            "当前位置决定了港口的未来。",
            "Yesterday the ferry ran late again.",
            "昨天渡轮又晚点了。",
            "本文来源于港口档案馆的一份旧报告，其中记载了1920年的渡轮时刻表。",
            "点击率上升了两成，港口官员说。",
            "该公众号周二发布声明，称渡轮将恢复运营。",
            "市民纷纷在微信上分享渡轮恢复运营的消息。",
            "6 min read of the report was enough, she said.",
            "[Update: The council approved the ferry app on Tuesday.]",
            "Die Polizei bittet: Schicken Sie uns keine Fotos von Verletzten, sagte der Sprecher.",
            "Har du et tips til nybegynnere? – Start rolig, og skriv treningsdagbok, sier trener Ola Nordmann.",
            "Vet du noe om saken? Politiet ber vitner ringe 02800. Mannen ble sist sett ved Bryggen natt til søndag.",
            "Haben Sie einen Hinweis zu dem Unfall? Dann kontaktieren Sie bitte die Polizei Mannheim unter 0621 174-4444.",
            "Masz ciekawy temat? Tak zaczyna się każda rozmowa, a potem napisz do nas, mówi redaktor naczelna.",
            "4 min later the ferry left.",
            "Wyślij zdjęcia sprawcy na policję, radzi rzecznik komendy.",
            // A letter or an official quoted asking for consent.
            "„Für den Einbau des neuen Zählers brauchen wir Ihre Zustimmung“, heißt es in dem Brief.",
            "Darauf steht: „An dieser Stelle finden Sie Inhalte aus dem Archiv der Stadt.“",
            "« Nous avons besoin de votre accord. »",
            "«Necesitamos su consentimiento por escrito», dice el documento.",
            "The pier will close in May. Source: the harbour board, which met on Tuesday.",
            "Rents fell by a tenth, the agency said (source: its own survey).",
            "4 minut čtení stačí, říká autor.",
            "Published in 1998, the report changed how the town argued about its harbour.",
            "The reading time: 5 minutes, at most, for the whole plan.",
            "Written permission is needed from the harbour master before any boat may moor overnight.",
            "This material may not be safe, the inspectors warned, and the pier stays shut.",
            "The landlord never gave written permission to reprint the lease, she said.",
            "Please follow the signs to the east pier on foot.",
            "The council published one photo: the pier at dawn",
            "The show opens in May. Photo: A Century of Harbour Portraits, through September 14",
            "Follow me on Twitter, she told the crowd, and then she left the stage.",
            "Follow the ferry on Twitter, and send your story ideas to the harbour office.",
            "印刷物の配布は中止された。",
            "Send your story ideas to news@harbour.example, the editor said.",
            "(Updates are posted on the harbour board's website every morning, she said.)",
            "Now watch what happens when the tide comes in, the harbour master said.",
            "With assistance from volunteers, the crew rebuilt the pier in six weeks.",
            "Also on the agenda: the pier lighting.",
            "Also on Tuesday:",
            "09:15",
            "Now watch: the tide is coming in, the harbour master said as the crowd waited.",
            "Submit a letter to the editor, the mayor urged residents at the meeting.",
            "More stories loading the ferry were left on the quay.",
            // A feature's line of narrative.
            "Loading.",
            "Visit the harbour's homepage for more than an hour a day, the council said, and you will see why.",
            "The graphic designer said the slideshow was cut from the final version of the report.",
            "Get in touch with the harbour office before Friday if your boat needs a berth.",
            "Residents were invited to share their experiences of the flood at a meeting on Tuesday.",
            "Go deeper into the harbour and the water turns cold, divers say.",
            "Now playing at the pier cinema: a film about the last ferry.",
            "Save for later what you cannot finish today, the harbour master advised.",
            "A a a, sang the choir on the pier.",
            "Bookmarks were handed out at the library's reopening.",
            "Continue reading the council's report and you will find three options.",
            "Contact the authors of the report before Friday, the council said.",
            "Listen on the radio for the ferry times, the operator said.",
            "Get the scam warnings sent to your inbox, police said, and delete them.",
            "Sign up for the ferry at the harbour office before May.",
            "Banks say you should never click a link in a message that you receive in your inbox.",
            "Sign up for free flood alerts from the Environment Agency, the council urged residents.",
            "Read: the council's statement, which runs to four pages, says the pier is safe.",
            "Support local journalism students, the grant's founder urged, in a speech that ran late into the night.",
            "Top articles of the town's charter were read aloud.",
            "Get the ferry on time, and follow the crowd on the pier.",
            "Questions about the fare went unanswered.",
            "More than 200 people came, and more »",
            "Read the minutes: the council met for six hours.",
            "Replays of the meeting were shown on the pier.",
            "Readers: tell us what you think of the ferry.",
            "Must watch the tide, the harbour master warned.",
            "Play video games on the ferry, the operator suggests.",
            "Weiterführende Links zum Hafen fehlen im Bericht des Rates.",
            "12 votes were cast for the plan.",
            "Updated figures were published on Monday.",
            "Click here for more information about the ferry timetable and fares.",
            "Image rights were sold to the museum in 1990.",
            "Spotted an error in the council's figures, residents wrote to the mayor.",
            "Sie haben einen Fehler gefunden, sagt der Prüfer, und zwar im Haushalt.",
            "More news from Brightsea is expected on Monday, when the council meets again.",
            "The newsletter, nossa favorita, was sent to every house in the town.",
            "This article has been updated to include comment from the council.",
            "External content from the archive fills the second half of the exhibition.",
            "Um externe Gutachter zu beauftragen, fehlt der Gemeinde das Geld.",
            "Read the full story of the pier in the council's report, published on Monday.",
            "Watch the video above the counter, the shopkeeper told the inspectors.",
            "Artikel drucken lassen kostet die Gemeinde jedes Jahr mehr Geld.",
            "Listen to article after article of complaints, and you begin to understand the council.",
            "Read more at the library, where the council's papers are kept.",
            "De gemeente houdt bewoners via een nieuwsbrief op de hoogte van de werkzaamheden.",
            "Grazie alla newsletter del comune, i residenti sapevano dei lavori.",
            "Under the new rules, every app requires your consent to show personalised ads.",
            "Found a mistake? Contact the credit bureau in writing and keep copies of everything.",
            "Haben Sie einen Fehler entdeckt? Dann sollten Sie innerhalb eines Monats Einspruch einlegen.",
            "Latest news from Kyiv",
            "Weitere Meldungen zu Verletzten gibt es bei der Polizei bislang nicht.",
            "Print editions of the Courier will carry the full timetable next week.",
            "Related: the council also approved a new bus route to the west pier, which will run every half hour from June.",
            "Printing the timetable cost the council £4,000.",
            "Click here to read the council's report.",
            "Click here, the instructions said, and the ferry's ticket machine froze for an hour while the queue grew past the pier gates.",
            "Close to 400 residents signed a petition against the plan.",
            "Thank you for reading the minutes, the chair told the meeting, before the vote.",
            "Have a question for the council? The meeting is open to the public on Tuesdays.",
            "Want to ride the ferry? Tickets go on sale in May at the harbour office.",
            "Our standards for the new piers are higher than the law requires, the engineer said.",
            "Our standards: no shortcuts, the coach said.",
            "Not registered to vote? Register today.",
            "Eligible for the rebate? Sign up here.",
            "Have a tip? Police ask anyone with information to call Crime Stoppers at 555-0100.",
            "Enjoy unlimited access to airport lounges for $99 a year.",
            "Click here for the latest updates on evacuation orders from Cal Fire.",
            "Click here for the latest news on the evacuation orders from the county.",
            "Find the council's plans on Facebook, the mayor said.",
            "Press Ctrl+Enter to send the message, the error screen told users after the update.",
            "The error came when staff pressed Ctrl + Enter in the old form.",
            "Підтримайте нашу команду, закликав тренер уболівальників.",
            "For immediate release of the funds, the council needs a two-thirds vote.",
            "For Immediate Release, by Chris Haddow (Marlowe Books, 336 pages)",
            "Release Date",
            "Press Release",
            "News Release",
            "Contact: Sgt. Rob Meyer, public information officer, 970-555-0102",
            "Підтримайте незалежну журналістику — саме під таким гаслом марафон зібрав 2 мільйони гривень.",
            "Поддержите независимую журналистику, пока она ещё есть, — обратился Власов к зрителям.",
            "Многие выделяют текст и нажимают Ctrl+Enter — это типичная ошибка: Word вставит разрыв страницы.",
            "Ctrl+Enter — insert a page break. Careful: if you have text selected, it is replaced — a common mistake.",
            "Пользователь выделял ошибку и нажимал Ctrl+Enter, после чего письмо уходило автору сайта.",
            "Press release after press release failed to explain the cuts.",
            "Contact: Jo Roe, the harbour master, on 555-0100 for tickets.",
            "View the gallery of the old pier at the town museum until June.",
        ];
        for line in prose {
            let long = line.chars().count() > MAX_NOTICE_CHARS;
            assert!(!is_boilerplate(line) || long, "{line} wrongly flagged");
        }
        assert!(!is_boilerplate(
            &"The newsletter was read widely. ".repeat(10)
        ));
    }

    #[test]
    fn appeals_for_readers_money_are_told_from_stories() {
        for block in [
            "Help Us Investigate Health Care. ProPublica is supported by readers like you. Donate now.",
            "The Courier is a nonprofit newsroom, and reader support makes up the biggest share of our budget.",
            "The Courier is funded by readers like you. Our reporters hold the powerful to account. Become a member today to help keep our journalism free for all.",
            "Perhaps it goes without saying — but producing quality journalism isn’t cheap. Please consider making a contribution to our journalism today.",
            "If you enjoyed this article, and were persuaded by it, consider joining Courier Plus.",
            "If you enjoyed this article, we have a proposal for you: join Courier Plus. Members get all of our content.",
            "Thank you for relying on us to provide the journalism you can trust. Please consider supporting the Courier with a subscription.",
            "As a nonprofit newsroom, we rely on members to help keep our stories free. Do you value our journalism?",
            "This effort takes a lot of resources to gather and update. If you haven’t already subscribed, please consider supporting our journalism with a subscription.",
            // In Italian, French, German and Spanish.
            "Gentile lettore, noi del Corriere non riceviamo finanziamenti pubblici e non dipendiamo da alcun gruppo industriale.",
            "Se pensi che un giornalismo libero sia utile, diventa anche tu Sostenitore: potrai leggere gli articoli senza pubblicità.",
            "Le Courrier est financé par ses lecteurs. Soutenez notre journalisme indépendant : abonnez-vous.",
            "Unabhängiger Journalismus kostet Geld. Unterstützen Sie unsere Arbeit mit einem Abo.",
            "El periodismo de calidad cuesta. Apoya nuestro trabajo: hazte socio.",
            "El Courier se financia con las cuotas de 34.000 socios y socias. Gracias a su apoyo podemos escribir artículos como este. Hazte socio, hazte socia.",
            "Thank you for reading this article. We're more reliant on your support than ever as the shift in habits hits our advertisers.",
            "If you haven't already, please consider supporting our trusted, fact-checked journalism by taking out a digital subscription.",
        ] {
            assert!(is_appeal(block), "{block}");
        }
        for block in [
            "Officials asked residents to consider donating to the relief fund set up after the flood.",
            "The museum is funded by donations from local families and a grant from the county.",
            "She urged members to join now, before the club closes its books for the season.",
            "“As a nonprofit, we rely on donations from the community to do our work,” said shelter director Ann Poe.",
            "Residents can become a member of the nonprofit for $20 a year, or make a donation at the library desk.",
            "The Guardian said reader support now brings in more money than advertising for the first time.",
            "Kobo added e-reader support for the new comic format.",
            "If you stream a lot, consider buying an annual subscription instead of paying monthly.",
            "Local journalism isn't free, the publisher told the committee.",
            "Il sindaco ha detto che il museo non riceve finanziamenti dalla regione da tre anni.",
            "«Soutenez notre club», a lancé le président aux supporters réunis devant le stade.",
            "Die Stiftung rief dazu auf, die Arbeit der Tafeln mit Spenden zu unterstützen.",
            "El club se financia con las cuotas de sus socios y organiza torneos como este.",
            "Regular story text that is long enough to be a paragraph but asks nothing of anyone at all.",
        ] {
            assert!(!is_appeal(block), "{block}");
        }
        // A story with an appeal at its end is no appeal as a whole.
        let story = "The council voted on Tuesday to repair the pier. ".repeat(14);
        assert!(!is_appeal(&format!(
            "{story} Please consider subscribing to support our journalism."
        )));
    }

    #[test]
    fn foot_blocks_are_only_an_address_or_a_separator() {
        for block in [
            "jo.roe@courier.example",
            "Twitter @joroe",
            "twitter.com/joroe",
            "|",
            " — ",
        ] {
            assert!(is_foot_block(block), "{block}");
        }
        for block in ["Write to jo.roe@courier.example", "@joroe said so", "A - B"] {
            assert!(!is_foot_block(block), "{block}");
        }
    }

    #[test]
    fn tail_openers_open_the_run_after_the_story() {
        for line in [
            "More News from Harbour",
            "Join the conversation",
            "… we have a small favour to ask.",
            "... we have a small favour to ask.",
            "Got a story? Email tips@courier.example",
            "Got a confidential news tip? We want to hear from you.",
            "A version of this article appears in print on March 14, 2019, Section A, Page 14 of the New York edition with the headline: Pier Lights Switch On.",
            "We pay for your stories! Do you have a story for the Courier sport team? Email us.",
            "Do you have a story to share? Call the newsroom.",
            "Vorschau auf den nächsten Artikel",
            "Next article",
            "We pay for your stories! Do you have a story for the Courier news team? Email us at tips@courier.example or call 0207 782 4368. You can WhatsApp us on 07423 720250. We pay for videos too. Click here to upload yours.",
            "网友留言",
            "Lesermeinungen",
            "37 Lesermeinungen",
            "最新资讯",
            "热门排行",
            "This article appeared in the South China Morning Post print edition as: Last woks standing",
            "Appeared in the November 6, 2019, print edition as 'Family Stick Maker Turns to Robots.'",
            "This article appears in the print edition of the November 16, 2020, issue.",
            "Een versie van dit artikel verscheen ook in NRC Handelsblad van 21 februari 2020",
            "Une version de cet article est parue dans Le Soir du 21 février 2020.",
            "Dieser Artikel erschien zuerst in der gedruckten Ausgabe vom 21. Februar 2020.",
            "Dieser Artikel erschien zuerst im stern Nr. 35/2019.",
            "Print Headline: Rules for pier grants approved",
            "Este artículo fue publicado en la edición impresa del 12 de mayo de 2019.",
            "Questo articolo è stato pubblicato nell'edizione cartacea del 12 maggio 2019.",
            "Este artigo foi publicado na edição impressa de 12 de maio de 2019.",
            "Published in the print edition of the November 16, 2020, issue, with the headline “Ring Out.”",
            "This document is subject to copyright. Apart from any fair dealing for the purpose of private study or research, no part may be reproduced without the written permission. The content is provided for information purposes only.",
            "Citation: Soil fungi help beech saplings 'remember' drought, study finds (2019, November 5) retrieved 5 November 2019 from https://phys.org/news/2019-11-soil-fungi.html",
            &format!(
                "© 2026, Courier.example. {}",
                "This article is the copyrighted property of the Courier. ".repeat(5)
            ),
            // A shop-links disclosure, of any length.
            "All products recommended by Courier are selected by our editorial team, independent of our parent company. Some of our stories include affiliate links. If you buy something through one of these links, we may earn an affiliate commission.",
        ] {
            assert!(is_tail_opener(line), "{line}");
        }
        for line in [
            "The ferry has a story of its own.",
            "Next article of the charter: the board meets monthly.",
            "We paid for the pier ourselves, she said.",
            "最新资讯显示，台风已于今天凌晨减弱为热带风暴。",
            "发表评论的网友大多支持这项政策。",
            // A law's article, a front page of 1981, a poem's first print.
            "Este artigo foi publicado na edição impressa do Diário Oficial da União e entra em vigor em março.",
            "Esta noticia, que la edición impresa del diario llevó a portada el 3 de mayo de 1981, cambió su carrera.",
            "Dieser Text erschien zuerst im Jahr 1912 in Heft 4 der Zeitschrift „Der Sturm“ und wurde später vertont.",
        ] {
            assert!(!is_tail_opener(line), "{line}");
        }
    }

    /// An agency's name makes a short line a credit, but words that are
    /// also ordinary words ("wenn", "pool", "Keystone") only when written
    /// as the credit writes them: in capitals, beside a slash, or alone.
    #[test]
    fn agency_credits_are_told_from_short_headings() {
        for line in [
            "Judy Roe/WENN.com",
            "WENN",
            "POOL",
            "AFP / MARCO ROSSI",
            "Agencies",
            "Getty",
            "Pool/Getty Images",
            "EFE",
        ] {
            assert!(is_credit(line), "{line}");
        }
        for line in [
            "Was bleibt, wenn die Fähre geht",
            "Wenn der Fluss zu flach wird",
            "The pool reopens in May",
            "Keystone pipeline approved",
            "Getty Museum reopens its doors",
            "Agencies clash over pier funding",
        ] {
            assert!(!is_credit(line), "{line}");
            assert!(!is_boilerplate(line), "{line}");
        }
    }

    #[test]
    fn related_headings_open_link_lists() {
        assert!(is_related_heading("Related articles"));
        assert!(is_related_heading("Lesen Sie auch"));
        assert!(is_related_heading("More Great WIRED Stories"));
        assert!(is_related_heading("Lea más:"));
        assert!(is_related_heading("Nota relacionada:"));
        assert!(is_related_heading("Also see:"));
        assert!(is_related_heading("Also see: Why drug prices keep rising"));
        assert!(is_related_heading("Lade weitere Inhalte ..."));
        assert!(is_related_heading("เรื่องที่เกี่ยวข้อง"));
        assert!(!is_related_heading("Related families met at the harbour"));
        // Boxes of other stories, sponsored or not, in several languages.
        for heading in [
            "Sponsored Stories",
            "Around the Web",
            "Up Next",
            "Top Stories",
            "Don't Miss",
            "More in Politics",
            "Recommended Stories",
            "Más leídas",
            "Meistgelesen",
            "Les plus lus",
            "Paid Content",
            "Paid Partner Content",
            "Mirá también",
            "À VOIR AUSSI - Gironde : les images de l’orage",
            "Más información",
            "Läs också",
            "Bekijk ook",
            "Meer over dit onderwerp",
            "Most Read Local Stories",
            "Em destaque",
            "Mehr in Wirtschaft",
            "Read related Tribune coverage:",
            "NEXT: Virginia Lawmakers Want to End License Suspensions",
            "SEE: Ransomware attack: Why a small business paid the ransom",
            // Nordic, Finnish, Central European, Turkish and Greek labels.
            "Lue lisää: Ranska kielsi kännykät kouluissa",
            "LÆS OGSÅ",
            "LÆS ANALYSE",
            "Les også",
            "Se også",
            "► À lire aussi : Sénégal, une digue contre la mer",
            "Lire également: Les glaciers fondent",
            "Notre dossier: Les glaciers fondent",
            "Kapcsolódó",
            "Související články",
            "Čtěte také",
            "Přečtěte si také:",
            "İLGİLİ HABERLER",
            "ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ",
            "Czytaj również",
            "Per approfondire",
        ] {
            assert!(is_related_heading(heading), "{heading}");
        }
        for heading in [
            "Also on Monday",
            "Further reading",
            "More in store for the pier",
            "Paid content creators",
            "More on that later.",
            "Next, the council will vote on the pier budget in March.",
            "Next",
            "See",
            "Next: The bill goes to the Senate in March.",
            "See: the council's full report, published on Monday.",
            "Most popular names",
            "More on the new ferry rules:",
            // "Learn more" in Portuguese, as often a sentence's words.
            "Saiba mais",
            "Saiba mais: a doença é transmitida pelo mosquito.",
        ] {
            assert!(!is_related_heading(heading), "{heading}");
        }
    }
}
