//! Build script of the application: compiles the lesson files in.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let lessons =
        lesson_files(Path::new("assets/lessons")).unwrap_or_else(|e| panic!("assets/lessons: {e}"));
    std::fs::write(out.join("lessons_data.rs"), lessons).expect("write lessons_data.rs");
    println!("cargo:rerun-if-changed=assets/lessons");
}

/// The lesson files, one per language (`en.toml`, `pt-BR.toml`), compiled in: a new language
/// is a new file, not a code change.
fn lesson_files(dir: &Path) -> Result<String, String> {
    let mut tags = BTreeSet::new();
    for entry in std::fs::read_dir(dir).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_some_and(|e| e == "toml") {
            let tag = path
                .file_stem()
                .and_then(|s| s.to_str())
                .ok_or("a file name is not UTF-8")?;
            tags.insert(tag.to_string());
        }
    }
    let root = std::env::var("CARGO_MANIFEST_DIR").map_err(|e| e.to_string())?;
    let mut code = String::from("/// Every lesson file: (language tag, text).\npub static LESSON_FILES: &[(&str, &str)] = &[\n");
    for tag in tags {
        let path = Path::new(&root).join(dir).join(format!("{tag}.toml"));
        writeln!(
            code,
            "    ({tag:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .map_err(|e| e.to_string())?;
    }
    code.push_str("];\n");
    Ok(code)
}
