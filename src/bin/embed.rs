//! The embed bundle's entry: mounts nothing by itself. `embed/ic-pathfinder.js`
//! calls the exported `mountWidget` for each `<ic-pathfinder>` element or
//! `mount()` call. (A bin rather than the library's cdylib: the linker then
//! keeps only what the exports reach, which makes a smaller wasm.)
fn main() {
    // Keeps the library, and with it its #[wasm_bindgen] exports, linked in.
    #[cfg(target_arch = "wasm32")]
    let _ = ic_pathfinder::embed::validate_definition;
}
