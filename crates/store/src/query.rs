//! The search words' small query language, parsed here rather than by tantivy's
//! `QueryParser` so that every input is bounded and every mistake is a message.
//!
//! ```text
//! query   := or
//! or      := and ("OR" and)*
//! and     := unary (["AND"] unary)*          juxtaposition is AND
//! unary   := ("NOT" | "-") unary | "+"? primary
//! primary := "(" query ")" | [field ":"] (word | "\"phrase\"")
//! field   := "text" | "title"
//! ```
//!
//! Limits, checked before any parsing: [`MAX_QUERY_BYTES`] bytes, [`MAX_WORDS`] words and
//! phrases, [`MAX_DEPTH`] levels of parentheses. Wildcards (`*`) are refused, as are
//! fields other than `text` and `title` (the other filters have their own parameters).
//! The parser recurses only into parentheses, so its depth is bounded by the limit.

use std::fmt;

/// The longest query, in bytes.
pub const MAX_QUERY_BYTES: usize = 1_000;
/// The most words and phrases in one query.
pub const MAX_WORDS: usize = 64;
/// The deepest nesting of parentheses.
pub const MAX_DEPTH: usize = 8;
/// The fields a word may name (`title:sanctions`).
pub const FIELDS: [&str; 2] = ["text", "title"];

/// A field a word is restricted to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TextField {
    Text,
    Title,
}

/// A parsed query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Expr {
    /// A word or a quoted phrase, in one field or in both (`None`).
    Words {
        field: Option<TextField>,
        text: String,
    },
    Not(Box<Expr>),
    And(Vec<Expr>),
    Or(Vec<Expr>),
}

/// Why a query was refused: one line for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Refusal(pub(crate) String);

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn refuse<T>(message: impl Into<String>) -> Result<T, Refusal> {
    Err(Refusal(message.into()))
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    Open,
    Close,
    And,
    Or,
    Not,
    /// `+` or `-` directly before a word, phrase or parenthesis.
    Plus,
    Minus,
    Field(TextField),
    Word(String),
    Phrase(String),
}

/// Parses `input` (already trimmed and non-empty).
pub(crate) fn parse(input: &str) -> Result<Expr, Refusal> {
    if input.len() > MAX_QUERY_BYTES {
        return refuse(format!(
            "the query is too long ({} bytes; at most {MAX_QUERY_BYTES})",
            input.len()
        ));
    }
    let tokens = lex(input)?;
    let words = tokens
        .iter()
        .filter(|token| matches!(token, Token::Word(_) | Token::Phrase(_)))
        .count();
    if words > MAX_WORDS {
        return refuse(format!(
            "the query has too many words ({words}; at most {MAX_WORDS})"
        ));
    }
    // Nesting is measured on the tokens, so the parser below can never go deeper.
    let mut depth = 0usize;
    for token in &tokens {
        match token {
            Token::Open => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return refuse(format!(
                        "the query nests parentheses too deeply (at most {MAX_DEPTH} levels)"
                    ));
                }
            }
            Token::Close => {
                if depth == 0 {
                    return refuse("the query has a ')' without a matching '('");
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    if depth > 0 {
        return refuse("the query has a '(' that is not closed");
    }
    let mut parser = Parser {
        tokens: &tokens,
        at: 0,
    };
    let expr = parser.or()?;
    match parser.peek() {
        None => Ok(expr),
        // Balanced parentheses were checked, so only a stray ')' can be left.
        Some(_) => refuse("the query has a ')' without a matching '('"),
    }
}

fn lex(input: &str) -> Result<Vec<Token>, Refusal> {
    let mut tokens = Vec::new();
    let mut chars = input.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        match c {
            c if c.is_whitespace() => {
                chars.next();
            }
            '(' => {
                chars.next();
                tokens.push(Token::Open);
            }
            ')' => {
                chars.next();
                tokens.push(Token::Close);
            }
            '"' => {
                chars.next();
                let mut phrase = String::new();
                let mut closed = false;
                for (_, c) in chars.by_ref() {
                    if c == '"' {
                        closed = true;
                        break;
                    }
                    phrase.push(c);
                }
                if !closed {
                    return refuse("the query has a '\"' that is not closed");
                }
                tokens.push(Token::Phrase(phrase));
            }
            _ => {
                let mut end = start;
                while let Some(&(at, c)) = chars.peek() {
                    if c.is_whitespace() || matches!(c, '(' | ')' | '"') {
                        break;
                    }
                    chars.next();
                    end = at + c.len_utf8();
                    // `name:` is a field when the name is letters only; `10:30` is a word.
                    let word = &input[start..end];
                    if c == ':' && word.len() > 1 && is_field_name(&word[..word.len() - 1]) {
                        let name = &word[..word.len() - 1];
                        tokens.push(Token::Field(field(name)?));
                        break;
                    }
                }
                let word = &input[start..end];
                if word.ends_with(':')
                    && tokens.last().is_some_and(|t| matches!(t, Token::Field(_)))
                {
                    continue;
                }
                let next = chars.peek().map(|&(_, c)| c);
                push_word(&mut tokens, word, next)?;
            }
        }
    }
    Ok(tokens)
}

fn is_field_name(name: &str) -> bool {
    name.bytes().all(|b| b.is_ascii_alphabetic() || b == b'_')
}

fn field(name: &str) -> Result<TextField, Refusal> {
    match name {
        "text" => Ok(TextField::Text),
        "title" => Ok(TextField::Title),
        _ => refuse(format!(
            "unknown field {name:?} in the query (fields: {}; quote the words to search for them as written)",
            FIELDS.join(", ")
        )),
    }
}

/// `next` is the character right after the word: a lone `-` or `+` is an operator
/// only directly before `(` or `"` (`-(a b)`, `-"a b"`); between words (`Iran - Bolivia`)
/// it is punctuation and searches nothing.
fn push_word(tokens: &mut Vec<Token>, word: &str, next: Option<char>) -> Result<(), Refusal> {
    if matches!(word, "-" | "+") {
        tokens.push(match (word, next) {
            ("-", Some('(' | '"')) => Token::Minus,
            ("+", Some('(' | '"')) => Token::Plus,
            _ => Token::Word(word.to_string()),
        });
        return Ok(());
    }
    match word {
        "AND" => tokens.push(Token::And),
        "OR" => tokens.push(Token::Or),
        "NOT" => tokens.push(Token::Not),
        _ => {
            if word.contains('*') {
                return refuse(format!(
                    "wildcards are not supported in the query ({word:?}); search for whole words"
                ));
            }
            let rest = if let Some(rest) = word.strip_prefix('-') {
                tokens.push(Token::Minus);
                rest
            } else if let Some(rest) = word.strip_prefix('+') {
                tokens.push(Token::Plus);
                rest
            } else {
                word
            };
            if !rest.is_empty() {
                tokens.push(Token::Word(rest.to_string()));
            }
        }
    }
    Ok(())
}

struct Parser<'a> {
    tokens: &'a [Token],
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn next(&mut self) -> Option<&Token> {
        let token = self.tokens.get(self.at);
        self.at += 1;
        token
    }

    fn or(&mut self) -> Result<Expr, Refusal> {
        let mut alternatives = vec![self.and()?];
        while self.peek() == Some(&Token::Or) {
            self.next();
            alternatives.push(self.and()?);
        }
        Ok(if alternatives.len() == 1 {
            alternatives.remove(0)
        } else {
            Expr::Or(alternatives)
        })
    }

    fn and(&mut self) -> Result<Expr, Refusal> {
        let mut all = Vec::new();
        loop {
            match self.peek() {
                None | Some(Token::Close) | Some(Token::Or) => break,
                Some(Token::And) => {
                    if all.is_empty() {
                        return refuse("AND in the query needs words on both sides");
                    }
                    self.next();
                    if matches!(
                        self.peek(),
                        None | Some(Token::Close | Token::Or | Token::And)
                    ) {
                        return refuse("AND in the query needs words on both sides");
                    }
                }
                Some(_) => all.push(self.unary()?),
            }
        }
        match all.len() {
            0 => refuse(if self.peek() == Some(&Token::Or) || self.at > 0 {
                "OR in the query needs words on both sides, and parentheses need words inside"
            } else {
                "the query has no words"
            }),
            1 => Ok(all.remove(0)),
            _ => Ok(Expr::And(all)),
        }
    }

    fn unary(&mut self) -> Result<Expr, Refusal> {
        // NOT and '-' are counted in a loop, not by recursion, so "NOT NOT ..." is flat.
        let mut negations = 0usize;
        loop {
            match self.peek() {
                Some(Token::Not | Token::Minus) => negations += 1,
                Some(Token::Plus) => {}
                _ => break,
            }
            self.next();
        }
        let primary = self.primary()?;
        Ok(if negations % 2 == 1 {
            Expr::Not(Box::new(primary))
        } else {
            primary
        })
    }

    fn primary(&mut self) -> Result<Expr, Refusal> {
        match self.next().cloned() {
            Some(Token::Open) => {
                let inner = self.or()?;
                match self.next() {
                    Some(Token::Close) => Ok(inner),
                    _ => refuse("the query has a '(' that is not closed"),
                }
            }
            Some(Token::Word(text) | Token::Phrase(text)) => Ok(Expr::Words { field: None, text }),
            Some(Token::Field(field)) => match self.next().cloned() {
                Some(Token::Word(text) | Token::Phrase(text)) => Ok(Expr::Words {
                    field: Some(field),
                    text,
                }),
                _ => refuse(format!(
                    "{}: in the query needs a word or a quoted phrase right after it",
                    field_name(field)
                )),
            },
            Some(Token::And | Token::Or) | None | Some(Token::Close) => {
                refuse("NOT, '-' and '+' in the query need a word after them")
            }
            // `unary` consumed every prefix.
            Some(Token::Not | Token::Minus | Token::Plus) => {
                refuse("NOT, '-' and '+' in the query need a word after them")
            }
        }
    }
}

fn field_name(field: TextField) -> &'static str {
    match field {
        TextField::Text => "text",
        TextField::Title => "title",
    }
}

/// A query as an error message quotes it: at most 60 characters.
pub(crate) fn quoted(query: &str) -> String {
    const SHOWN: usize = 60;
    match query.char_indices().nth(SHOWN) {
        Some((at, _)) => format!("{}…", &query[..at]),
        None => query.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Expr {
        Expr::Words {
            field: None,
            text: text.to_string(),
        }
    }

    fn refused(input: &str) -> String {
        match parse(input) {
            Err(Refusal(message)) => message,
            Ok(expr) => panic!("{input:?} parsed as {expr:?}"),
        }
    }

    #[test]
    fn words_operators_and_groups() {
        assert_eq!(parse("drone").unwrap(), words("drone"));
        assert_eq!(
            parse("drone Iran").unwrap(),
            Expr::And(vec![words("drone"), words("Iran")])
        );
        assert_eq!(
            parse("drone AND Iran").unwrap(),
            Expr::And(vec![words("drone"), words("Iran")])
        );
        assert_eq!(
            parse("a OR b c").unwrap(),
            Expr::Or(vec![words("a"), Expr::And(vec![words("b"), words("c")])])
        );
        assert_eq!(
            parse("(a OR b) -c").unwrap(),
            Expr::And(vec![
                Expr::Or(vec![words("a"), words("b")]),
                Expr::Not(Box::new(words("c")))
            ])
        );
        assert_eq!(
            parse("Iran - Bolivia").unwrap(),
            Expr::And(vec![words("Iran"), words("-"), words("Bolivia")]),
            "a dash between words is no operator"
        );
        assert_eq!(
            parse("a -\"b c\"").unwrap(),
            Expr::And(vec![words("a"), Expr::Not(Box::new(words("b c")))])
        );
        assert_eq!(parse("-(b)").unwrap(), Expr::Not(Box::new(words("b"))));
        assert_eq!(
            parse("NOT NOT a").unwrap(),
            words("a"),
            "double negation cancels"
        );
        assert_eq!(
            parse("title:\"defense pact\" text:Iran 10:30").unwrap(),
            Expr::And(vec![
                Expr::Words {
                    field: Some(TextField::Title),
                    text: "defense pact".into()
                },
                Expr::Words {
                    field: Some(TextField::Text),
                    text: "Iran".into()
                },
                words("10:30"),
            ])
        );
    }

    #[test]
    fn mistakes_are_messages() {
        assert!(refused("q:*").contains("unknown field \"q\""));
        assert!(refused("text:*").contains("wildcards"));
        assert!(refused("dro*").contains("wildcards"));
        assert!(refused("(a").contains("not closed"));
        assert!(refused("a)").contains("without a matching"));
        assert!(refused("\"a b").contains("not closed"));
        assert!(refused("a AND").contains("both sides"));
        assert!(refused("AND a").contains("both sides"));
        assert!(refused("a OR").contains("both sides"));
        assert!(refused("()").contains("words inside"));
        assert!(refused("title:").contains("needs a word"));
        assert!(refused("title: (a)").contains("needs a word"));
        assert!(refused("NOT").contains("need a word"));
    }

    #[test]
    fn limits_hold_before_parsing() {
        let deep = format!("{}a{}", "(".repeat(2_200), ")".repeat(2_200));
        assert!(refused(&deep).contains("too long"));
        let nested = format!(
            "{}a{}",
            "(".repeat(MAX_DEPTH + 1),
            ")".repeat(MAX_DEPTH + 1)
        );
        assert!(refused(&nested).contains("too deeply"));
        let fine = format!("{}a{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
        assert_eq!(parse(&fine).unwrap(), words("a"));
        let many = vec!["w"; MAX_WORDS + 1].join(" ");
        assert!(refused(&many).contains("too many words"));
        let negations = "NOT ".repeat(200) + "a";
        assert_eq!(parse(&negations).unwrap(), words("a"));
    }

    #[test]
    fn quoted_queries_are_short() {
        assert_eq!(quoted("abc"), "abc");
        let long = "é".repeat(100);
        assert_eq!(quoted(&long).chars().count(), 61);
    }
}
