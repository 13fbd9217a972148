//! Embeds the built-in `classic` theme: lists every file under
//! themes/classic/templates/ so the binary carries them with include_str!.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/classic");
    println!("cargo:rerun-if-changed={}", root.display());
    let templates = root.join("templates");
    let mut files = Vec::new();
    collect(&templates, &templates, &mut files);
    files.sort();
    let mut out = String::from(
        "/// Built-in theme templates: (name, text).\nconst BUILTIN_TEMPLATES: &[(&str, &str)] = &[\n",
    );
    for (name, path) in &files {
        println!("cargo:rerun-if-changed={path}");
        writeln!(out, "    ({name:?}, include_str!({path:?})),").unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("builtin_theme.rs");
    std::fs::write(dest, out).unwrap();
}

fn collect(base: &Path, dir: &Path, files: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(base, &path, files);
        } else if !path.file_name().unwrap().to_string_lossy().starts_with('.') {
            let name = path
                .strip_prefix(base)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            files.push((name, path.display().to_string()));
        }
    }
}
