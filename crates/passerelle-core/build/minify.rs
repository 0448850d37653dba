//! JSON text without the white space between its tokens. Shared by
//! passerelle-core's build script, which compiles the default data into
//! the library this way, and by `cargo xtask size`, which finds it in the
//! module.

/// `json` without spaces, tabs and line breaks outside its strings: the
/// same value in fewer bytes. Text that is not JSON is only shortened the
/// same way.
pub fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in json.chars() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
        } else if matches!(c, ' ' | '\t' | '\n' | '\r') {
            continue;
        }
        out.push(c);
    }
    out
}
