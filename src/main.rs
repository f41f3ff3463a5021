fn main() {
    let args: Vec<String> = std::env::args().collect();
    let c = strategiekit::model::Checked::from_path(std::path::Path::new(&args[1]), Default::default()).unwrap();
    eprint!("{}", c.render(false));
    let t = strategiekit::templates::TemplateSet::builtin();
    let r = strategiekit::render::markdown::MarkdownRenderer::new(&t).unwrap();
    let s = c.strategy.unwrap();
    let p = match args.get(2).map(|s| s.as_str()) { Some("summary") => strategiekit::catalogue::Profile::Summary, Some("council") => strategiekit::catalogue::Profile::Council, _ => strategiekit::catalogue::Profile::Full };
    let doc = strategiekit::context::build(&s, p, t.labels().get(s.document.language));
    print!("{}", r.render(&doc).unwrap());
}
