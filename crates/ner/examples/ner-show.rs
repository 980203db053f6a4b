//! `cargo run --release -p pw-ner --example ner-show < text`: tag each line of stdin and
//! print the names found, for looking at the tagger's output by eye.

use pw_lexicon::Lexicon;
use pw_ner::{Tagger, gazetteer_spans};
use std::io::Read;

fn main() {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).expect("stdin");
    let lexicon = Lexicon::builtin();
    let hits = lexicon.find_all(&text);
    let mut tokens = Vec::new();
    for span in pw_text::sentences(&text) {
        tokens.clear();
        pw_text::tokenize(&text, span, &mut tokens);
        let words: Vec<&str> = tokens
            .iter()
            .map(|t| &text[t.span.start..t.span.end])
            .collect();
        let mut gazetteer = Vec::new();
        gazetteer_spans(&tokens, &hits, lexicon, &mut gazetteer);
        let names: Vec<String> = Tagger::embedded()
            .tag(&words, &gazetteer)
            .iter()
            .map(|n| {
                format!(
                    "[{} {} {:.2}]",
                    n.kind.as_str(),
                    words[n.start..n.end].join(" "),
                    n.score
                )
            })
            .collect();
        println!("{}\n  {}", &text[span.start..span.end], names.join(" "));
    }
}
