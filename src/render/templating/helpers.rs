//! The handlebars helpers the built-in templates use, registered in one
//! place per format. Each helper maps its first parameter to text and writes
//! it as is: the escaping for its context is the helper's own job.

use handlebars::{Context, Handlebars, Helper, HelperResult, Output, RenderContext, RenderErrorReason};
use serde_json::Value;

use crate::render::html::escape;
use crate::render::markdown::{escape_cell, escape_text, gantt_text, yaml_string};

/// Registers the helpers of the Markdown templates.
pub fn register_markdown(hb: &mut Handlebars<'_>) {
    register_string_helper(hb, "cell", |v| escape_cell(&as_text(v)));
    register_string_helper(hb, "yaml", |v| yaml_string(&as_text(v)));
    register_string_helper(hb, "gantt", |v| gantt_text(&as_text(v)));
    register_string_helper(hb, "hashes", |v| "#".repeat(v.as_u64().unwrap_or(1).clamp(1, 6) as usize));
    register_string_helper(hb, "indent", |v| "    ".repeat(v.as_u64().unwrap_or(0).min(8) as usize));
    register_string_helper(hb, "align", |v| if v.as_bool() == Some(true) { "---:".into() } else { "---".into() });
    register_string_helper(hb, "md_text", |v| {
        let paragraphs: Vec<Vec<String>> = serde_json::from_value(v.clone()).unwrap_or_default();
        escape_text(&paragraphs)
    });
}

/// Registers the helpers of the HTML templates.
pub fn register_html(hb: &mut Handlebars<'_>) {
    register_string_helper(hb, "lines", |v| match v {
        Value::Array(lines) => {
            lines.iter().map(|l| escape(l.as_str().unwrap_or_default())).collect::<Vec<_>>().join("<br>\n")
        }
        Value::String(s) => s.split('\n').map(escape).collect::<Vec<_>>().join("<br>\n"),
        _ => String::new(),
    });
    // the page title is <h1>, so document levels 1..4 become <h2>..<h5>
    register_string_helper(hb, "html_level", |v| (v.as_u64().unwrap_or(1).clamp(1, 4) + 1).to_string());
}

/// The first parameter of a helper; in strict mode a misspelled variable is
/// an error naming it, as it is for a plain `{{variable}}`.
fn param_str<'a>(
    h: &'a Helper<'_>,
    hb: &Handlebars<'_>,
    name: &'static str,
) -> std::result::Result<&'a Value, RenderErrorReason> {
    let param = h.param(0).ok_or(RenderErrorReason::ParamNotFoundForIndex(name, 0))?;
    if hb.strict_mode() && param.is_value_missing() {
        return Err(RenderErrorReason::MissingVariable(param.relative_path().cloned()));
    }
    Ok(param.value())
}

fn as_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Registers a helper that maps its first parameter through `f` and writes the result as is.
fn register_string_helper(hb: &mut Handlebars<'_>, name: &'static str, f: fn(&Value) -> String) {
    hb.register_helper(
        name,
        Box::new(
            move |h: &Helper<'_>,
                  hb: &Handlebars<'_>,
                  _: &Context,
                  _: &mut RenderContext<'_, '_>,
                  out: &mut dyn Output|
                  -> HelperResult {
                let v = param_str(h, hb, name)?;
                out.write(&f(v))?;
                Ok(())
            },
        ),
    );
}
