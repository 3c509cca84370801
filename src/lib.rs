//! Rapor: where a pemda stands in the Ombudsman RI public-service assessment.
//!
//! Code map, from the bottom up — the rule of the house is that imports run one way,
//! each module using only those above it in this list (checked by
//! `node scripts/imports.mjs` in the test command's lint tier):
//!
//! - `engine`   — pure arithmetic: rulesets (`src/rulesets/*.json`), scenarios, exact
//!   scoring and grading, the planner, sampling risk, the robust plan. No yew, no web.
//!   Its errors carry data (what was expected, the limit, the name), never sentences.
//! - `text`     — every word a user reads, in Bahasa Indonesia and English, keyed by
//!   one `Lang`: widget labels (`ui`), problems (`problems`), report headers and
//!   sentences (`report`), notices and worker failures (`notices`).
//! - `share`    — share-link codec (DEFLATE + base64url).
//! - `settings` — embedding settings from a query string or `data-*` attributes.
//! - `form`     — the widget's fields as typed text → a scenario, with per-field errors;
//!   the autosave format.
//! - `report`   — every writer: score/plan/risk JSON (`report::json`), summary rows and
//!   CSV, plan-step and risk lines, the Excel workbook (`report::xlsx`, wasm32); the
//!   layout here, the words from `text`.
//! - `session`  — the widget's state machine: state, actions, undo/redo, what-if,
//!   notices, the methods on offer. Plain Rust, tested on the host.
//! - `protocol` — the wire between the page and its workers: operations, failures, and
//!   the readers both ends share.
//! - `worker`   — what the engine's worker and the `rapor-io` and `rapor-xlsx` workers
//!   do (`worker::serve` is their message loop, wasm32).
//! - `cli`      — the `rapor` command-line tool (host only).
//! - `web`      — the thin Yew view (wasm32 only).

pub mod engine;
pub mod form;
pub mod protocol;
pub mod report;
pub mod session;
pub mod settings;
pub mod share;
pub mod text;
pub mod worker;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod web;

// The allocator of every wasm module (page and workers): Talc, a maintained crate, in
// place of Rust's default dlmalloc. It is smaller, and the page's wasm is the first
// visit's largest download; it is also faster at the many small allocations of a render.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
