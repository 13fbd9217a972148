//! A check of a template's block tags before Tera parses it, so that an
//! unclosed `{% if %}` is reported where it opens ("unclosed `{% if %}`
//! opened at line 3") rather than as an unknown tag at some later
//! `{% endblock %}`.

/// Tags that open a block, and the tag that closes each.
const BLOCKS: &[(&str, &str)] = &[
    ("if", "endif"),
    ("for", "endfor"),
    ("block", "endblock"),
    ("macro", "endmacro"),
    ("filter", "endfilter"),
    ("raw", "endraw"),
    ("component", "endcomponent"),
];

/// Checks that every block tag is closed by its own end tag, in order.
/// The error reads `line:column: message`.
pub fn check_balance(text: &str) -> Result<(), String> {
    let mut open: Vec<(&str, usize, usize)> = Vec::new();
    let mut rest = text;
    let mut offset = 0;
    while let Some(start) = rest.find("{%") {
        let tag_start = offset + start;
        let body = &rest[start + 2..];
        let Some(end) = body.find("%}") else {
            let (line, col) = position(text, tag_start);
            return Err(format!(
                "{line}:{col}: a `{{%` tag is never closed with `%}}`"
            ));
        };
        let inner = body[..end].trim_matches(|c: char| c == '-' || c.is_whitespace());
        let word = inner.split_whitespace().next().unwrap_or("");
        let in_raw = open.last().is_some_and(|(w, _, _)| *w == "raw");
        if in_raw && word != "endraw" {
            // Inside raw, tags are text.
        } else if let Some((opener, _)) = BLOCKS.iter().find(|(_, close)| *close == word) {
            match open.pop() {
                Some((w, _, _)) if w == *opener => {}
                Some((w, line, col)) => {
                    let (l, c) = position(text, tag_start);
                    return Err(format!(
                        "{line}:{col}: unclosed `{{% {w} %}}` (the `{{% {word} %}}` at line {l}, column {c} closes a `{{% {opener} %}}`)"
                    ));
                }
                None => {
                    let (l, c) = position(text, tag_start);
                    return Err(format!("{l}:{c}: `{{% {word} %}}` closes nothing"));
                }
            }
        } else if let Some((opener, _)) = BLOCKS.iter().find(|(o, _)| *o == word) {
            let (l, c) = position(text, tag_start);
            open.push((opener, l, c));
        }
        let consumed = start + 2 + end + 2;
        offset += consumed;
        rest = &rest[consumed..];
    }
    match open.pop() {
        Some((w, line, col)) => Err(format!(
            "{line}:{col}: unclosed `{{% {w} %}}`: add `{{% end{w} %}}`"
        )),
        None => Ok(()),
    }
}

/// 1-based line and column of byte `at`.
fn position(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_unclosed_block_where_it_opens() {
        assert!(check_balance("{% if a %}x{% endif %}{% for b in c %}{% endfor %}").is_ok());
        let err = check_balance("{% block content %}\n  {% if x %}\n  y\n{% endblock content %}")
            .unwrap_err();
        assert!(err.starts_with("2:3: unclosed `{% if %}`"), "{err}");
        let err = check_balance("a\n{%- if x -%}").unwrap_err();
        assert!(
            err.starts_with("2:1: unclosed `{% if %}`: add `{% endif %}`"),
            "{err}"
        );
        let err = check_balance("{% endif %}").unwrap_err();
        assert!(err.contains("closes nothing"), "{err}");
        assert!(check_balance("{% raw %}{% if %}{% endraw %}").is_ok());
    }
}
