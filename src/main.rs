fn main() {
    let args: Vec<String> = std::env::args().collect();
    let c = strategiekit::model::Checked::from_path(std::path::Path::new(&args[1]), Default::default()).unwrap();
    print!("{}", c.render(false));
}
