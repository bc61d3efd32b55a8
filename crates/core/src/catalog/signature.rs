//! Splitting a C prototype into its arguments. Shared with build.rs, so it uses only `std`.

/// One parameter of a prototype: `(name, type)`.
pub type Param<'s> = (&'s str, &'s str);

/// The parameters of `ret name(type a, type b)`; `(void)` and `()` have none.
/// A parameter without a separate name (`int`) is named after its position.
pub fn params(signature: &str) -> Vec<Param<'_>> {
    let (Some(open), Some(close)) = (signature.find('('), signature.rfind(')')) else {
        return Vec::new();
    };
    let inner = signature[open + 1..close].trim();
    if inner.is_empty() || inner == "void" {
        return Vec::new();
    }
    inner.split(',').map(param).collect()
}

fn param(text: &str) -> Param<'_> {
    let text = text.trim();
    let name_start = text
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .map_or(0, |i| i + 1);
    let (ty, name) = text.split_at(name_start);
    let ty = ty.trim();
    if ty.is_empty() {
        // Only a type, as in `long f(int)`: keep the type, leave the name empty.
        ("", name)
    } else {
        (name, ty)
    }
}

/// Whether a parameter type is a pointer, whose target BPF cannot inspect.
pub fn is_pointer(ty: &str) -> bool {
    ty.contains('*') || ty.contains('[')
}
