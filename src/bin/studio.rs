//! The definition studio's wasm (scripts/build-embed.sh): the checks of
//! `src/studio.rs`, nothing of the widget. (A bin, as the embed's, so the
//! linker keeps only what the exports reach.)
fn main() {
    #[cfg(target_arch = "wasm32")]
    let _ = ic_pathfinder::studio::check_definition;
}
