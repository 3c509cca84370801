//! `rapor`: the scoring engine on the command line. See `rapor --help`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    // No input may crash the tool (the engine checks limits and arithmetic first); should
    // a bug panic anyway, the user gets a message and the usual exit code for bad input,
    // not an abort (exit 134, as weights near the Decimal maximum once gave).
    std::panic::set_hook(Box::new(|info| {
        eprintln!("rapor: internal error ({info}); please report it with the file that caused it");
        std::process::exit(2);
    }));
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = rapor::cli::run(&args, &mut std::io::stdin(), &mut std::io::stdout(), &mut std::io::stderr());
    std::process::exit(code);
}

// Browser test builds compile every binary for wasm32; the tool itself is host-only.
#[cfg(target_arch = "wasm32")]
fn main() {}
