//! Prints the widget's own words, in every language, as one JSON object:
//! `{"en": {...}, "fr-CA": {...}}`, keyed by the fields of `Texts`.
//! The end-to-end suite (e2e/global-setup.mjs) writes it to target/e2e/texts.json.
use ic_pathfinder::ui::texts::EN;
use ic_pathfinder::ui::texts_fr::FR_CA;

fn main() {
    let all = serde_json::json!({ "en": &EN, "fr-CA": &FR_CA });
    println!("{}", serde_json::to_string_pretty(&all).expect("the texts serialize"));
}
