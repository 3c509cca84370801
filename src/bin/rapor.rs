//! `rapor`: the scoring engine on the command line. See `rapor --help`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = rapor::cli::run(&args, &mut std::io::stdin(), &mut std::io::stdout(), &mut std::io::stderr());
    std::process::exit(code);
}

// Browser test builds compile every binary for wasm32; the tool itself is host-only.
#[cfg(target_arch = "wasm32")]
fn main() {}
