//! The goc command. Everything is in [`goc::driver`].

fn main() {
    std::process::exit(goc::driver::main());
}
