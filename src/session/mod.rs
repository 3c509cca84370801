//! The widget's logic as plain Rust: its state, the actions a user (or a worker's
//! answer) can take, undo and redo, the what-if and the notices. A pure reducer — no
//! web-sys, no storage or address reads: what the page finds at start-up is read by the
//! view and passed in (`Startup`) — so `cargo test` checks it on the host. The Yew view
//! (`web`) only renders a `State` and dispatches `Action`s.

pub mod grid;
pub mod library;
mod state;

pub use library::{Library, Listed};
pub use state::*;
