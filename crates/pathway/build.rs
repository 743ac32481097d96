//! Minifies the built-in content into OUT_DIR: the JSON files stay readable in
//! the repository, and the wasm carries no indentation.
use std::{env, fs, path::Path};

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for name in ["default.en.json", "default.fr-CA.json"] {
        let source = Path::new("../../content").join(name);
        println!("cargo:rerun-if-changed={}", source.display());
        let text = fs::read_to_string(&source).unwrap_or_else(|e| panic!("{}: {e}", source.display()));
        // Invalid JSON is left as it is: the definition parser reports it with its location.
        // "$schema" is for editors; the widget does not need to carry it.
        let minified = serde_json::from_str::<serde_json::Value>(&text)
            .map(|mut v| {
                v.as_object_mut().map(|o| o.remove("$schema"));
                v.to_string()
            })
            .unwrap_or(text);
        fs::write(Path::new(&out).join(name), minified).expect("OUT_DIR is writable");
    }
}
