//! Lets `cargo test` of this crate find the interpreter's libpython.
fn main() {
    pyo3_build_config::add_libpython_rpath_link_args();
}
