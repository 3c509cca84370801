//! Rapor: where a pemda stands in the Ombudsman RI public-service assessment.
//!
//! `engine` is pure and shared; `cli` is the `rapor` command-line tool (host only);
//! `web` is the Yew widget (wasm32 only).

pub mod engine;
pub mod form;
pub mod io;
pub mod output;
pub mod protocol;
pub mod report;
pub mod session;
pub mod settings;
pub mod share;
pub mod text;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod web;
