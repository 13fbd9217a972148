//! The shape of the code: module imports point one way. Reads the crate's
//! own sources, collects every `crate::` path (in `use` lines and inline)
//! and `super::` path, and fails on an import cycle between modules or on
//! an edge the design forbids (the build going to the network, content
//! knowing templates, ingest or check reaching into the build).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every module (a file or a folder's mod.rs), as `top` or `top::child`,
/// with the modules its code names.
fn import_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut modules: BTreeSet<String> = BTreeSet::new();
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "rs") {
            let rel = entry
                .path()
                .strip_prefix(&src)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if rel == "main.rs" || rel == "lib.rs" {
                continue;
            }
            let name = module_of(&rel);
            modules.insert(name.clone());
            files.push((name, std::fs::read_to_string(entry.path()).unwrap()));
        }
    }
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (name, text) in files {
        let edges = graph.entry(name.clone()).or_default();
        for line in text.lines() {
            let code = line.split("//").next().unwrap_or("");
            for path in paths_in(code, "crate::") {
                edges.insert(resolve(&path, &modules));
            }
            // `super::x` inside a folder names a sibling module.
            if let Some((parent, _)) = name.rsplit_once("::") {
                for path in paths_in(code, "super::") {
                    let first = path.split("::").next().unwrap_or("");
                    let sibling = format!("{parent}::{first}");
                    if modules.contains(&sibling) {
                        edges.insert(sibling);
                    } else {
                        edges.insert(parent.to_string());
                    }
                }
            }
        }
        edges.remove(&name);
    }
    graph
}

/// `build/pages.rs` → `build::pages`; `build/mod.rs` → `build`;
/// `ingest/extract/clean.rs` → `ingest::extract` (two levels are enough).
fn module_of(rel: &str) -> String {
    let rel = rel.trim_end_matches(".rs").trim_end_matches("/mod");
    let parts: Vec<&str> = rel.split('/').take(2).collect();
    parts.join("::")
}

/// The paths after each `prefix` in a line of code: `crate::build::pages::x` → `build::pages::x`.
fn paths_in(code: &str, prefix: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find(prefix) {
        let before = rest[..i].chars().last();
        rest = &rest[i + prefix.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let path: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        if !path.is_empty() {
            out.push(path.trim_end_matches(':').to_string());
        }
    }
    out
}

/// The module a `crate::` path lands in: `build::pages::render_all` →
/// `build::pages` when that is a module, else `build`.
fn resolve(path: &str, modules: &BTreeSet<String>) -> String {
    let mut parts = path.split("::");
    let top = parts.next().unwrap_or("").to_string();
    match parts.next() {
        Some(second) if modules.contains(&format!("{top}::{second}")) => format!("{top}::{second}"),
        _ => top,
    }
}

fn top(module: &str) -> &str {
    module.split("::").next().unwrap()
}

/// A cycle through `start` in `graph`, if any, as the list of modules on it.
fn cycle_from(graph: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    let mut stack = vec![(start.to_string(), vec![start.to_string()])];
    let mut seen = BTreeSet::new();
    while let Some((node, path)) = stack.pop() {
        for next in graph.get(&node).into_iter().flatten() {
            if next == start {
                let mut cycle = path.clone();
                cycle.push(next.clone());
                return Some(cycle);
            }
            if seen.insert(next.clone()) {
                let mut p = path.clone();
                p.push(next.clone());
                stack.push((next.clone(), p));
            }
        }
    }
    None
}

/// The cycles of `graph`, one line each.
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    graph
        .keys()
        .filter_map(|m| cycle_from(graph, m))
        .map(|c| c.join(" -> "))
        .collect()
}

#[test]
fn the_graph_is_read_from_the_sources() {
    let graph = import_graph();
    // A known edge and a known module, so a broken reader cannot pass the
    // tests below by finding nothing.
    assert!(
        graph["build::pages"].contains("library"),
        "{:?}",
        graph["build::pages"]
    );
    assert!(
        graph["fetch::run"].contains("ingest"),
        "{:?}",
        graph["fetch::run"]
    );
    assert!(graph.len() > 30, "{}", graph.len());
}

#[test]
fn no_import_cycles() {
    let graph = import_graph();
    // Between top-level modules: `build` and everything in it is one node.
    let mut tops: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    // Between files of one folder (a folder's mod.rs and its files name
    // each other as a matter of course, so it is left out).
    let mut siblings: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, edges) in &graph {
        for to in edges {
            if top(module) != top(to) {
                tops.entry(top(module).to_string())
                    .or_default()
                    .insert(top(to).to_string());
            } else if module.contains("::") && to.contains("::") {
                siblings
                    .entry(module.clone())
                    .or_default()
                    .insert(to.clone());
            }
        }
    }
    let found: Vec<String> = cycles(&tops).into_iter().chain(cycles(&siblings)).collect();
    assert!(found.is_empty(), "import cycles:\n{}", found.join("\n"));
}

#[test]
fn forbidden_edges_are_absent() {
    // (from, to): no module under `from` may name anything under `to`.
    let forbidden = [
        ("build", "fetch"),
        ("build", "ingest"),
        ("library", "build"),
        ("content", "build"),
        ("ingest", "build"),
        ("ingest", "fetch"),
        ("check", "build"),
        ("check", "library"),
        ("vocabulary", "config"),
        ("vocabulary", "content"),
        ("fs", "config"),
        ("layout", "config"),
    ];
    let graph = import_graph();
    let mut found = Vec::new();
    for (module, edges) in &graph {
        for to in edges {
            if forbidden
                .iter()
                .any(|(f, t)| top(module) == *f && top(to) == *t)
            {
                found.push(format!("{module} -> {to}"));
            }
        }
    }
    assert!(found.is_empty(), "forbidden imports:\n{}", found.join("\n"));
}

#[test]
fn only_fetch_names_the_http_client() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        let rel = entry
            .path()
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if !rel.ends_with(".rs") || rel.starts_with("fetch/") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        if text
            .lines()
            .any(|l| l.split("//").next().unwrap().contains("reqwest"))
        {
            found.push(rel);
        }
    }
    assert!(found.is_empty(), "reqwest named outside fetch/: {found:?}");
}

#[test]
fn other_outputs_stay_in_their_lanes() {
    let graph = import_graph();
    // The renderers of gemtext, plain text and e-books know Markdown and
    // the shared vocabulary, not pages, themes, the library or the output folder.
    let outputs = &graph["build::outputs"];
    assert!(outputs.contains("build::markdown"), "{outputs:?}");
    for forbidden in [
        "build::pages",
        "build::theme",
        "build::output",
        "library",
        "content",
    ] {
        assert!(
            !outputs.contains(forbidden),
            "build::outputs -> {forbidden}"
        );
    }
    assert!(graph["build::pages"].contains("build::outputs"));
    // The bundle reads the built folder; it builds nothing but, for a
    // bundle of one edition, the chooser page, and that through the site.
    let bundle = &graph["cmd::bundle"];
    assert!(bundle.contains("build::output"), "{bundle:?}");
    for forbidden in ["build::pages", "library", "content"] {
        assert!(!bundle.contains(forbidden), "cmd::bundle -> {forbidden}");
    }
}
