//! Links the addon so that Node.js symbols are looked up when Node loads it.

fn main() {
    napi_build::setup();
}
