//! Component tier: the widget mounted in real headless Chromium (wasm-bindgen-test via
//! chromedriver). Run by scripts/test.sh; `cargo test` on the host skips this file.
#![cfg(target_arch = "wasm32")]

use rapor::web::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn mount(props: AppProps) -> Element {
    // The built rulesets are files the widget fetches; here there is no build folder.
    let cat = rapor::engine::Catalog::built_in();
    let listed = cat
        .all()
        .iter()
        .map(|r| rapor::web::rulesets::Listed { id: r.id.clone(), title: r.title.clone(), title_en: r.title_en.clone() })
        .collect();
    rapor::web::rulesets::install(listed, cat.all().to_vec());
    let doc = gloo::utils::document();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    root
}

fn all(root: &Element, testid: &str) -> Vec<Element> {
    let list = root.query_selector_all(&format!("[data-testid='{testid}']")).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().dyn_into::<Element>().unwrap()).collect()
}

fn text(root: &Element, testid: &str) -> String {
    all(root, testid).first().map(|e| e.text_content().unwrap_or_default()).unwrap_or_default()
}

/// Types into an input as a user would: set the value, fire a bubbling `input` event
/// (Yew listens by delegation at the root).
fn type_into(input: &Element, value: &str) {
    let input: HtmlInputElement = input.clone().dyn_into().unwrap();
    input.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn starts_with_the_methods_sample_all_empty_and_no_result() {
    // The default, Opini 2025: the three units every published 2025 result came from.
    let root = mount(AppProps { instance: "t1".into(), ..AppProps::default() });
    yew::scheduler::flush().await;
    let names = |root: &Element| -> Vec<String> {
        all(root, "unit-name").iter().map(|e| e.clone().dyn_into::<HtmlInputElement>().unwrap().value()).collect()
    };
    assert_eq!(names(&root), ["Dinas Kesehatan", "Dinas Pendidikan", "Dinas Sosial"]);
    assert_eq!(text(&root, "aggregate-score"), "");
    // 2024: five OPD and two Puskesmas.
    let root = mount(AppProps { instance: "t1b".into(), ruleset: "ombudsman-2024".into(), ..AppProps::default() });
    yew::scheduler::flush().await;
    let n = names(&root);
    assert_eq!((n.len(), n[0].as_str(), n[6].as_str()), (7, "Disdukcapil", "Puskesmas 2"));
}

#[wasm_bindgen_test]
async fn magelang_totals_give_93_28_a_hijau() {
    // Kota Magelang 2022 pre-evaluation: 100, 100, 80.19, 92.92 → 93.2775 → 93,28 A.
    let root = mount(AppProps { instance: "t2".into(), ruleset: "ombudsman-2022".into(), ..AppProps::default() });
    yew::scheduler::flush().await;
    let scores = all(&root, "unit-score");
    for (input, v) in scores.iter().zip(["100", "100", "80,19", "92,92"]) {
        type_into(input, v);
        yew::scheduler::flush().await;
    }
    assert_eq!(text(&root, "aggregate-score"), "93,28");
    assert_eq!(text(&root, "aggregate-category"), "A");
    assert_eq!(text(&root, "aggregate-opini"), "Kualitas Tertinggi");
    assert!(text(&root, "aggregate-zone").contains("hijau"));
}

#[wasm_bindgen_test]
async fn a_bad_field_is_flagged_and_the_last_result_stays() {
    let root = mount(AppProps { instance: "t3".into(), ..AppProps::default() });
    yew::scheduler::flush().await;
    let scores = all(&root, "unit-score");
    type_into(&scores[0], "82,84");
    yew::scheduler::flush().await;
    assert_eq!(text(&root, "aggregate-score"), "82,84");
    type_into(&scores[1], "8x");
    yew::scheduler::flush().await;
    let bad = all(&root, "unit-score")[1].get_attribute("aria-invalid");
    assert_eq!(bad.as_deref(), Some("true"));
    assert!(text(&root, "field-error").contains("bukan angka"));
    assert_eq!(text(&root, "aggregate-score"), "82,84", "the last valid result stays");
    assert_eq!(text(&root, "aggregate-category"), "B");
}
