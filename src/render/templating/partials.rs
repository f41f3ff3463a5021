//! Partials that include each other would recurse until the stack
//! overflows: the partials each template includes are read from the compiled
//! templates, and a chain that comes back to where it started, or grows
//! deeper than [`MAX_DEPTH`], is refused with the chain named, before
//! anything is rendered.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::{Result, bail};
use handlebars::template::{Parameter, Template, TemplateElement};
use serde_json::Value;

use super::Registry;

/// How deep partials may include partials. The built-in templates go two
/// deep (page → block).
pub const MAX_DEPTH: usize = 16;

/// The partials each template includes by name, and the template that
/// names a partial it cannot tell (a name computed while rendering).
fn includes(reg: &Registry) -> Result<BTreeMap<String, BTreeSet<String>>> {
    let mut graph = BTreeMap::new();
    for (name, template) in reg.hb.get_templates() {
        let mut found = BTreeSet::new();
        if collect(template, &mut found, &mut graph).is_err() {
            bail!(
                "{}: a partial is named by an expression ({{{{> (…)}}}}); name partials as written words ({{{{> block}}}}) so that strategiekit can check that they do not include each other",
                reg.place(name)
            );
        }
        graph.insert(name.clone(), found);
    }
    Ok(graph)
}

/// Adds the partials `template` includes to `found`; inline partials
/// (`{{#*inline "x"}}`) become templates of `graph` of their own. Fails with
/// a partial whose name is computed while rendering.
fn collect(
    template: &Template,
    found: &mut BTreeSet<String>,
    graph: &mut BTreeMap<String, BTreeSet<String>>,
) -> std::result::Result<(), ()> {
    for element in &template.elements {
        match element {
            TemplateElement::HelperBlock(helper) => {
                for inner in [&helper.template, &helper.inverse].into_iter().flatten() {
                    collect(inner, found, graph)?;
                }
            }
            TemplateElement::PartialExpression(partial) | TemplateElement::PartialBlock(partial) => {
                let name = match &partial.name {
                    Parameter::Literal(Value::String(name)) => Some(name.as_str()),
                    other => other.as_name(),
                };
                let Some(name) = name else { return Err(()) };
                found.insert(name.to_string());
                if let Some(inner) = &partial.template {
                    collect(inner, found, graph)?;
                }
            }
            TemplateElement::DecoratorBlock(decorator) => {
                let inline = decorator.name.as_name() == Some("inline");
                let name = match decorator.params.first() {
                    Some(Parameter::Literal(Value::String(name))) => Some(name.clone()),
                    _ => None,
                };
                if let (true, Some(name), Some(inner)) = (inline, name, &decorator.template) {
                    let mut own = BTreeSet::new();
                    collect(inner, &mut own, graph)?;
                    graph.entry(name).or_default().extend(own);
                } else if let Some(inner) = &decorator.template {
                    collect(inner, found, graph)?;
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// Refuses templates whose partials include each other, or go deeper than
/// [`MAX_DEPTH`]; the error names the chain. Each template is walked once.
pub fn check(reg: &Registry) -> Result<()> {
    let graph = includes(reg)?;
    let mut depths = BTreeMap::new();
    for start in graph.keys() {
        let mut chain = vec![start.as_str()];
        depth(&graph, &mut chain, &mut depths).map_err(|e| anyhow::anyhow!("{}: {e}", reg.place(start)))?;
    }
    Ok(())
}

/// How many templates the longest chain of includes from the last one of
/// `chain` holds (1: it includes none); `depths` keeps what is known.
fn depth<'g>(
    graph: &'g BTreeMap<String, BTreeSet<String>>,
    chain: &mut Vec<&'g str>,
    depths: &mut BTreeMap<&'g str, usize>,
) -> Result<usize> {
    let Some(last) = chain.last().copied() else { return Ok(0) };
    if let Some(&known) = depths.get(last) {
        return Ok(known);
    }
    let mut deepest = 0;
    for next in graph.get(last).into_iter().flatten() {
        if chain.contains(&next.as_str()) {
            chain.push(next);
            bail!(
                "partials include each other: {}; a partial may not include itself, directly or through others",
                chain.join(" → ")
            );
        }
        chain.push(next);
        if chain.len() > MAX_DEPTH {
            bail!("partials go deeper than {MAX_DEPTH}: {}", chain.join(" → "));
        }
        deepest = deepest.max(depth(graph, chain, depths)?);
        chain.pop();
    }
    depths.insert(last, deepest + 1);
    Ok(deepest + 1)
}
