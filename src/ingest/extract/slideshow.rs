//! What a slideshow leaves in the text once its pictures are gone: the
//! slide's title written once per slide, and the pager ("<<", "<", "1",
//! "2", …, ">", ">>").
//!
//! Each is a run of short blocks in a row, which story text never is: the
//! same line of plain text three times over, or three or more blocks that
//! are only a number or an arrow, the numbers counting up one by one.

/// Runs shorter than this stay: two blocks alike can be a refrain.
const MIN_RUN: usize = 3;

/// Blocks longer than this (in characters) are never a slide's title.
const MAX_TITLE_CHARS: usize = 120;

/// The Markdown without slideshow titles and pagers.
pub fn drop_slideshow_runs(markdown: &str) -> String {
    let blocks: Vec<&str> = markdown.split("\n\n").collect();
    if blocks.len() < MIN_RUN {
        return markdown.to_string();
    }
    let mut keep = vec![true; blocks.len()];
    let mut start = 0;
    while start < blocks.len() {
        let first = blocks[start].trim();
        let pager = is_pager_block(first);
        let end = (start + 1..blocks.len())
            .find(|&i| {
                let block = blocks[i].trim();
                if pager {
                    !is_pager_block(block)
                } else {
                    block != first
                }
            })
            .unwrap_or(blocks.len());
        let run = &blocks[start..end];
        let chrome = if pager {
            counts_pages(run)
        } else {
            // Plain text: three links alike are three links.
            !first.is_empty() && first.chars().count() <= MAX_TITLE_CHARS && !first.contains("](")
        };
        if run.len() >= MIN_RUN && chrome {
            keep[start..end].fill(false);
        }
        start = end;
    }
    if keep.iter().all(|k| *k) {
        return markdown.to_string();
    }
    blocks
        .iter()
        .zip(keep)
        .filter_map(|(block, keep)| keep.then_some(*block))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Whether a run of numbers and arrows counts pages: its numbers go up
/// one by one (a column of figures from a table does not).
fn counts_pages(run: &[&str]) -> bool {
    let numbers: Vec<u32> = run.iter().filter_map(|b| b.trim().parse().ok()).collect();
    numbers.len() >= 2 && numbers.windows(2).all(|w| w[1] == w[0] + 1)
}

/// A pager's button: a page number or an arrow, Markdown-escaped or not.
fn is_pager_block(block: &str) -> bool {
    let block = block.trim_start_matches('\\');
    (1..=3).contains(&block.len()) && block.bytes().all(|b| b.is_ascii_digit())
        || matches!(
            block,
            "<" | "<<" | ">" | ">>" | "«" | "»" | "‹" | "›" | "←" | "→"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slide_titles_and_pagers_go() {
        let titles = "Storm over the pier\n\n".repeat(4);
        let md = format!(
            "{titles}<<\n\n<\n\n1\n\n2\n\n3\n\n\\>\n\n\\>>\n\nThe storm passed in the night.\n\nBy morning the pier was open."
        );
        assert_eq!(
            drop_slideshow_runs(&md),
            "The storm passed in the night.\n\nBy morning the pier was open."
        );
    }

    #[test]
    fn story_text_stays() {
        for md in [
            // Twice is a refrain; a year alone is a heading-like line.
            "Row, row.\n\nRow, row.\n\nThe boat sank.",
            "2019\n\nThe pier was built.\n\n2020\n\nIt burned.",
            // A table's column of figures, and the same link thrice.
            "Ferries\n\n316\n\n630\n\n18\n\nThe pier was built.",
            "[link](https://e.org/a)\n\n[link](https://e.org/a)\n\n[link](https://e.org/a)",
            // A long paragraph repeated is left for the reader to judge.
            &format!(
                "{p}\n\n{p}\n\n{p}",
                p = "The pier was repaired in the spring and the summer after the storms of the winter, and the ferries came back to it one by one as the work went on."
            ),
        ] {
            assert_eq!(drop_slideshow_runs(md), md);
        }
    }
}
