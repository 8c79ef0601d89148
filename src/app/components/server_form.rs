//! A form that calls a server function: a plain HTML form posting to the function's address
//! (it works before the wasm starts, or without it), which the island sends itself once it
//! runs (`Sender`), keeping the shopper on the page.

use crate::app::sender::Sender;
use leptos::ev::SubmitEvent;
use leptos::html::form;
use leptos::prelude::*;

#[component]
pub fn ServerForm<T>(sender: Sender<T>, children: Children) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
{
    // Only this part depends on the answer's type; the form itself is drawn by one function
    // for all of them (a copy per function cost kilobytes of wasm).
    posting_form(
        sender.url(),
        Box::new(move |ev| sender.send_form(ev)),
        children,
    )
}

/// `send` returns whether it sent the form itself; if not, the browser posts it as it is and
/// the server says what is wrong.
fn posting_form(
    url: &'static str,
    send: Box<dyn Fn(&SubmitEvent) -> bool + Send + Sync>,
    children: Children,
) -> impl IntoView {
    form()
        .action(url)
        .method("post")
        .on(leptos::ev::submit, move |ev: SubmitEvent| {
            if !ev.default_prevented() {
                send(&ev);
            }
        })
        .child(children())
}
