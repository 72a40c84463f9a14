//! A strict little XML reader for the JUnit reports: elements, attributes, text and the five
//! entities; anything malformed (unbalanced tags, a raw `<` or `&` in text, a bad entity, a
//! control character) panics, i.e. fails the test.

#[derive(Debug, Clone, Default)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Element>,
    pub text: String,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    pub fn all(&self, name: &str) -> Vec<&Element> {
        let mut out = Vec::new();
        fn walk<'a>(e: &'a Element, name: &str, out: &mut Vec<&'a Element>) {
            for c in &e.children {
                if c.name == name {
                    out.push(c);
                }
                walk(c, name, out);
            }
        }
        walk(self, name, &mut out);
        out
    }

    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }
}

fn unescape(s: &str) -> String {
    assert!(!s.contains('<'), "raw < in {s:?}");
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let end = rest[i..].find(';').unwrap_or_else(|| panic!("unterminated entity in {s:?}")) + i;
        out.push_str(match &rest[i + 1..end] {
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            "quot" => "\"",
            "apos" => "'",
            other => panic!("unknown entity &{other}; in {s:?}"),
        });
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Parses a document with an XML declaration and one root element.
pub fn parse(doc: &str) -> Element {
    for c in doc.chars() {
        assert!(!c.is_control() || matches!(c, '\n' | '\t' | '\r'), "control character {c:?} in XML");
    }
    let doc = doc.strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").expect("XML declaration").trim();
    let mut stack: Vec<Element> = vec![Element::default()];
    let mut rest = doc;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('<') {
            let end = after.find('>').expect("unterminated tag");
            let tag = &after[..end];
            rest = &after[end + 1..];
            if let Some(name) = tag.strip_prefix('/') {
                let done = stack.pop().unwrap();
                assert_eq!(done.name, name, "mismatched end tag");
                stack.last_mut().unwrap().children.push(done);
                continue;
            }
            let self_closing = tag.ends_with('/');
            let tag = tag.trim_end_matches('/');
            let (name, mut attrs_text) = tag.split_once(' ').unwrap_or((tag, ""));
            let mut e = Element { name: name.to_string(), ..Element::default() };
            loop {
                attrs_text = attrs_text.trim_start();
                if attrs_text.is_empty() {
                    break;
                }
                let eq = attrs_text.find("=\"").expect("attribute without =\"");
                let key = attrs_text[..eq].to_string();
                let value_end = attrs_text[eq + 2..].find('"').expect("unterminated attribute") + eq + 2;
                e.attrs.push((key, unescape(&attrs_text[eq + 2..value_end])));
                attrs_text = &attrs_text[value_end + 1..];
            }
            if self_closing {
                stack.last_mut().unwrap().children.push(e);
            } else {
                stack.push(e);
            }
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let text = unescape(&rest[..end]);
            stack.last_mut().unwrap().text.push_str(&text);
            rest = &rest[end..];
        }
    }
    assert_eq!(stack.len(), 1, "unclosed elements");
    let mut root = stack.pop().unwrap();
    assert_eq!(root.children.len(), 1, "one root element");
    root.children.pop().unwrap()
}
