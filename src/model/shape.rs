//! The shape each node of the input schema asks for (a table, an array, a
//! string and its allowed values, a date, a bounded integer, …), after
//! `$ref`, `allOf`, `anyOf` and `null` are resolved. It is worked out once
//! for every node of the schema, so that reading a file looks a node's shape
//! up by the node's address instead of resolving it again for every value.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::Value;

use super::schema::input_schema;

/// What a schema node asks of a value.
#[derive(Clone, Debug)]
pub(super) enum Shape {
    /// A table, checked against this (resolved) node's properties.
    Table(&'static Value),
    /// An array, its elements checked against this node's `items`.
    Array(&'static Value),
    /// A string: one of `allowed`, where given; not blank, where `nonblank`.
    Str { allowed: Option<Vec<&'static str>>, nonblank: bool },
    /// A local date (`2026-11-22`).
    Date,
    /// An integer within its bounds.
    Integer { min: Option<i64>, max: Option<i64> },
    /// A number, integer or float.
    Number,
    /// `true` or `false`.
    Bool,
    /// Anything: not checked.
    Any,
}

/// The shape of `node`, a node of [`input_schema`]: looked up, or for a
/// node outside the schema (a `null` stand-in) worked out on the spot.
pub(super) fn of(node: &'static Value) -> Cow<'static, Shape> {
    match all().get(&address(node)) {
        Some(shape) => Cow::Borrowed(shape),
        None => Cow::Owned(resolve_shape(input_schema(), node)),
    }
}

fn address(node: &Value) -> usize {
    std::ptr::from_ref(node) as usize
}

/// The shape of every node a walk from the schema's root can reach, by address.
fn all() -> &'static HashMap<usize, Shape> {
    static SHAPES: OnceLock<HashMap<usize, Shape>> = OnceLock::new();
    SHAPES.get_or_init(|| {
        let root = input_schema();
        let mut shapes = HashMap::new();
        let mut todo = vec![root];
        while let Some(node) = todo.pop() {
            if shapes.contains_key(&address(node)) {
                continue;
            }
            let shape = resolve_shape(root, node);
            match shape {
                Shape::Table(table) => {
                    todo.extend(
                        table.get("properties").and_then(Value::as_object).into_iter().flat_map(|p| p.values()),
                    );
                    todo.extend(table.get("additionalProperties").filter(|extra| extra.is_object()));
                }
                Shape::Array(array) => todo.extend(array.get("items")),
                _ => {}
            }
            shapes.insert(address(node), shape);
        }
        shapes
    })
}

/// `node` with `allOf` of one element and `$ref` followed.
fn resolve(root: &'static Value, mut node: &'static Value) -> &'static Value {
    // draft-07 output wraps a described reference as `allOf: [{"$ref": …}]`
    while let Some([only]) = node.get("allOf").and_then(Value::as_array).map(Vec::as_slice) {
        node = only;
    }
    while let Some(reference) = node.get("$ref").and_then(Value::as_str) {
        let name = reference.rsplit('/').next().unwrap_or_default();
        let defs = root.get("definitions").or_else(|| root.get("$defs"));
        match defs.and_then(|d| d.get(name)) {
            Some(target) => node = target,
            None => break,
        }
    }
    node
}

fn resolve_shape(root: &'static Value, node: &'static Value) -> Shape {
    let node = resolve(root, node);
    if let Some(alternatives) = node.get("anyOf").or_else(|| node.get("oneOf")).and_then(Value::as_array) {
        let non_null: Vec<&Value> = alternatives
            .iter()
            .map(|a| resolve(root, a))
            .filter(|a| a.get("type") != Some(&Value::from("null")))
            .collect();
        if !non_null.is_empty() && non_null.iter().all(|a| a.get("const").is_some()) {
            let allowed = non_null.iter().filter_map(|a| a["const"].as_str()).collect();
            return Shape::Str { allowed: Some(allowed), nonblank: false };
        }
        return match non_null.first() {
            Some(first) => resolve_shape(root, first),
            None => Shape::Any,
        };
    }
    if let Some(values) = node.get("enum").and_then(Value::as_array) {
        return Shape::Str { allowed: Some(values.iter().filter_map(Value::as_str).collect()), nonblank: false };
    }
    let ty = match node.get("type") {
        Some(Value::String(t)) => t.as_str(),
        Some(Value::Array(types)) => types.iter().filter_map(Value::as_str).find(|t| *t != "null").unwrap_or("null"),
        _ => return Shape::Any,
    };
    match ty {
        "object" => Shape::Table(node),
        "array" => Shape::Array(node),
        "string" if node.get("format").and_then(Value::as_str) == Some("date") => Shape::Date,
        "string" => {
            Shape::Str { allowed: None, nonblank: node.get("minLength").and_then(Value::as_u64).is_some_and(|n| n > 0) }
        }
        "integer" => Shape::Integer {
            min: node.get("minimum").and_then(Value::as_i64),
            max: node.get("maximum").and_then(Value::as_i64),
        },
        "number" => Shape::Number,
        "boolean" => Shape::Bool,
        _ => Shape::Any,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_property_of_a_measure_has_its_shape_looked_up_not_worked_out() {
        let root = input_schema();
        let measure = &root["definitions"]["Measure"]["properties"];
        let looked_up = |key: &str| all().contains_key(&address(&measure[key]));
        assert!(["id", "title", "status", "start", "costs_eur", "financing"].iter().all(|k| looked_up(k)));
        assert!(matches!(*of(&measure["status"]), Shape::Str { allowed: Some(ref a), .. } if a.contains(&"cancelled")));
        assert!(matches!(*of(&Value::Null), Shape::Any));
    }
}
