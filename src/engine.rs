//! The engine: rulesets, scenarios, scoring and grading.
//!
//! Pure on purpose: nothing here touches yew, web-sys or gloo, so the widget, the
//! command-line tool and the host tests all run the very same arithmetic.

pub mod baseline;
pub mod catalog;
pub mod duplicates;
pub mod error;
pub mod exact;
pub mod grade;
pub mod limits;
pub mod map;
pub mod number;
pub mod order;
pub mod overrides;
pub mod plan;
/// The robust plan and the knapsack live with the planner; their old paths stay.
pub use plan::{knapsack, robust};
pub mod risk;
pub mod ruleset;
pub mod scenario;
pub mod score;

pub use catalog::Catalog;
pub use error::{Expected, InputError, Problem};
pub use grade::Grade;
pub use ruleset::Ruleset;
pub use scenario::{Entry, Scenario, Unit};
pub use score::{evaluate, Outcome, UnitOutcome};
