//! Temporary probe.
use lol_html::{HtmlRewriter, Settings, element};
use std::cell::RefCell;
use std::rc::Rc;
fn main() {
    for html in ["<ul><li class=a>one<li class=b>two</ul>after", "<div><p class=a>one<p class=b>two</div>after", "<div><span class=a>one</div>after"] {
        let log = Rc::new(RefCell::new(Vec::<String>::new()));
        let l = log.clone();
        let mut rw = HtmlRewriter::new(
            Settings::new().append_element_content_handler(element!("[class]", move |el| {
                let name = el.get_attribute("class").unwrap();
                l.borrow_mut().push(format!("start {name}"));
                let l2 = l.clone();
                let h: lol_html::EndTagHandler<'static> = Box::new(move |_e| { l2.borrow_mut().push(format!("end {name}")); Ok(()) });
                el.on_end_tag(h)?;
                Ok(())
            })),
            |_: &[u8]| {},
        );
        rw.write(html.as_bytes()).unwrap();
        rw.end().unwrap();
        println!("{html}: {:?}", log.borrow());
    }
}
