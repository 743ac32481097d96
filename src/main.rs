//! Mounts the widget on the demo page; everything else lives in the library.
fn main() {
    #[cfg(target_arch = "wasm32")]
    ic_pathfinder::start();
}
