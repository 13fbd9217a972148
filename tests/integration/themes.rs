//! Themes a user can make their own: every shipped theme valid in every
//! profile, inheritance (one-file themes, chains, cycles), options and
//! `extra`, eject and list, translated chrome, and template errors that
//! name the file on disk and the line.

use crate::support::{TempSite, snapshot, stderr};
use std::process::Command;

const THEMES: [&str; 3] = ["classic", "lite", "broadsheet"];

/// The fixture site with `settings` appended to its config.yaml.
fn site_with(settings: &str) -> TempSite {
    let site = TempSite::fixture("site");
    let config = std::fs::read_to_string(site.root().join("config.yaml")).unwrap();
    site.write("config.yaml", &format!("{config}{settings}"));
    site
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn validate(site: &TempSite, encoding: &str) -> (bool, String) {
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/validate-html");
    let out = Command::new("bash")
        .arg(script)
        .arg(site.public())
        .arg(encoding)
        .output()
        .unwrap();
    (out.status.success(), stdout(&out))
}

#[test]
fn every_shipped_theme_is_valid_in_every_profile() {
    for theme in THEMES {
        for (profile, charset) in [
            ("html2", "latin1"),
            ("html32", "ascii"),
            ("modern", "utf-8"),
        ] {
            let site = site_with(&format!(
                "theme: {theme}\nprofile: {profile}\ncharset: {charset}\n"
            ));
            site.build();
            let check = site.run(&["check"]);
            assert_eq!(
                check.status.code(),
                Some(0),
                "{theme}/{profile}: {}",
                stdout(&check)
            );
            if profile != "modern" {
                let encoding = if charset == "ascii" {
                    "US-ASCII"
                } else {
                    "ISO-8859-1"
                };
                let (ok, out) = validate(&site, encoding);
                assert!(ok, "{theme}/{profile}:\n{out}");
            }
        }
    }
}

#[test]
fn themes_look_different_and_list_themselves() {
    let lite = TempSite::fixture("site");
    let config = std::fs::read_to_string(lite.root().join("config.yaml")).unwrap();
    lite.write(
        "config.yaml",
        &format!(
            "{}theme: lite\n",
            config.replace("front_page:\n", "front_page:\n  latest: 3\n")
        ),
    );
    lite.build();
    let index = lite.page("index.html");
    assert_eq!(
        index.matches("<li>").count(),
        3,
        "one list of the newest three: {index}"
    );
    assert!(
        !index.contains("<h2>"),
        "no section headings on lite's front page"
    );
    let broad = site_with("theme: broadsheet\n");
    broad.build();
    let index = broad.page("index.html");
    assert!(index.contains("<table"), "sections in columns");
    assert!(index.contains("Top story"), "{index}");

    let out = broad.run(&["theme", "list"]);
    let text = stdout(&out);
    for theme in THEMES {
        assert!(text.contains(&format!("{theme} [built-in]")), "{text}");
    }
    assert!(text.contains("broadsheet [built-in] (in use)"), "{text}");
    assert!(text.contains("extends: classic"), "{text}");
}

#[test]
fn a_theme_of_one_file_extends_classic() {
    let site = site_with("theme: mine\n");
    site.write(
        "themes/mine/templates/index.html",
        "{% extends \"base.html\" %}{% block content %}<p>Only my front page.</p>\n{% endblock content %}",
    );
    site.build();
    assert!(site.page("index.html").contains("Only my front page."));
    assert!(
        site.page("world/harbour-ferry.html")
            .contains("Back to Fixture Times front page"),
        "the other pages come from classic"
    );
}

#[test]
fn chains_resolve_file_by_file_and_circles_are_refused() {
    let site = site_with("theme: mine\n");
    site.write(
        "themes/mine/theme.yaml",
        "name: mine\nextends: middle\noptions:\n  motto: Mine\n",
    );
    site.write(
        "themes/mine/templates/back_link.html",
        "<p><a href=\"{{ root }}index.html\">Home ({{ theme.options.motto }}, {{ site.extra.owner }})</a></p>\n",
    );
    site.write("themes/middle/theme.yaml", "name: middle\nextends: lite\n");
    site.write(
        "themes/middle/templates/masthead.html",
        "<p>Middle masthead</p>\n",
    );
    site.write(
        "config.yaml",
        &format!(
            "{}theme_options:\n  show_labels: false\nextra:\n  owner: The Co-op\n",
            std::fs::read_to_string(site.root().join("config.yaml")).unwrap()
        ),
    );
    site.build();
    let index = site.page("index.html");
    assert!(index.contains("Middle masthead"), "from middle");
    assert!(!index.contains("<h2>"), "index from lite, two levels up");
    assert!(
        !index.contains("<small>World"),
        "lite's option set by the site"
    );
    let article = site.page("world/harbour-ferry.html");
    assert!(article.contains("Home (Mine, The Co-op)"), "{article}");

    site.write("themes/middle/theme.yaml", "name: middle\nextends: mine\n");
    let out = site.run(&["build"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("circle"), "{}", stderr(&out));

    site.write("themes/middle/theme.yaml", "name: middle\nextends: lite\n");
    site.write(
        "config.yaml",
        &std::fs::read_to_string(site.root().join("config.yaml"))
            .unwrap()
            .replace("show_labels: false", "show_label: false"),
    );
    let out = site.run(&["build"]);
    assert!(
        stderr(&out).contains("has no option `show_label`")
            && stderr(&out).contains("did you mean `show_labels`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn ejecting_then_building_gives_the_same_site() {
    for theme in THEMES {
        let site = site_with(&format!("theme: {theme}\n"));
        site.build();
        let before = snapshot(&site.public());
        let out = site.run(&["theme", "eject"]);
        assert!(out.status.success(), "{theme}: {}", stderr(&out));
        assert!(
            site.root()
                .join(format!("themes/{theme}/templates/base.html"))
                .is_file()
        );
        assert!(
            site.root()
                .join(format!("themes/{theme}/templates/html2/base.html"))
                .is_file()
        );
        site.build();
        assert_eq!(
            snapshot(&site.public()),
            before,
            "{theme}: output changed after eject"
        );
        // A second eject would overwrite the edits: refused.
        let again = site.run(&[
            "theme",
            "eject",
            theme,
            "--to",
            &site
                .root()
                .join(format!("themes/{theme}"))
                .to_string_lossy(),
        ]);
        assert_eq!(again.status.code(), Some(2), "{theme}");
    }
}

#[test]
fn chrome_and_dates_speak_the_site_language() {
    let site = site_with("language: fr\n");
    site.build();
    let article = site.page("world/harbour-ferry.html");
    assert!(
        article.contains("&lt; Retour à la une de Fixture Times"),
        "{article}"
    );
    assert!(article.contains("Source originale"), "{article}");
    assert!(article.contains("vendredi 27 novembre 2026"), "{article}");
    // In ASCII the same words fold like the articles do.
    let ascii = site_with("language: de\ncharset: ascii\n");
    ascii.build();
    let article = ascii.page("world/harbour-ferry.html");
    assert!(article.contains("Zuruck zur Titelseite"), "{article}");
    // A language without a table: English, and one warning.
    let sv = site_with("language: sv\n");
    let out = sv.run(&["build"]);
    assert!(out.status.success());
    assert_eq!(
        stderr(&out)
            .matches("no strings table for language `sv`")
            .count(),
        1
    );
    assert!(sv.page("index.html").contains("All articles by date"));
    // A site can change single words.
    let own = site_with("strings:\n  original_source: Read it at the source\n");
    own.build();
    assert!(
        own.page("world/harbour-ferry.html")
            .contains("Read it at the source")
    );
}

#[test]
fn modern_pages_say_their_language() {
    let site = site_with("language: nl\nprofile: modern\n");
    site.build();
    assert!(site.page("index.html").contains("<html lang=\"nl\">"));
    let headers = site.page("_headers");
    assert!(headers.contains("Content-Language: nl"), "{headers}");
}

#[test]
fn template_errors_name_the_file_line_and_page() {
    // A misspelt variable.
    let site = site_with("");
    site.write(
        "templates/article_meta.html",
        "<p>ok</p>\n<p>{{ article.bylin }}</p>\n",
    );
    let out = site.run(&["build"]);
    let err = stderr(&out);
    let file = site.root().join("templates/article_meta.html");
    assert!(err.contains(&format!("{}:2:", file.display())), "{err}");
    assert!(err.contains("bylin"), "{err}");
    assert!(
        err.contains("from content/"),
        "names the article being made: {err}"
    );
    // An unclosed `{% if %}` is reported where it opens.
    site.write(
        "templates/article_meta.html",
        "<p>ok</p>\n{% if article.byline %}\n<p>{{ article.byline }}</p>\n",
    );
    let err = stderr(&site.run(&["build"]));
    assert!(
        err.contains(&format!("{}:2:1: unclosed `{{% if %}}`", file.display())),
        "{err}"
    );
    // A syntax error.
    site.write("templates/article_meta.html", "<p>{{ article.title </p>\n");
    let err = stderr(&site.run(&["build"]));
    assert!(err.contains(&format!("{}:1:", file.display())), "{err}");
}
