//! An upload's bytes on their way to the file store: the head read first
//! to judge the type, then everything passed on as it comes, counted, and
//! checked as text where the head said text.

use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::{Bytes, BytesMut};
use futures_util::Stream;
use futures_util::StreamExt;
use trellis_kernel::{DomainError, DomainResult};

use crate::attachment::{self, TextCheck};
use crate::ports::ByteStream;

/// At least `at_least` bytes from the start (all of them when the file is
/// shorter), and the rest unless the stream ended.
pub(super) async fn read_head(
    mut content: ByteStream,
    at_least: usize,
) -> DomainResult<(Bytes, Option<ByteStream>)> {
    let mut head = BytesMut::new();
    while head.len() < at_least {
        match content.next().await {
            Some(piece) => head.extend_from_slice(&piece?),
            None => return Ok((head.freeze(), None)),
        }
    }
    Ok((head.freeze(), Some(content)))
}

/// The file again, head first, failing if it is not `size` bytes long or
/// (with `text`) stops being text.
pub(super) fn checked(head: Bytes, rest: Option<ByteStream>, size: u64, text: bool) -> ByteStream {
    let head = futures_util::stream::once(async move { Ok(head) });
    let inner: ByteStream = match rest {
        Some(rest) => Box::pin(head.chain(rest)),
        None => Box::pin(head),
    };
    Box::pin(Checked {
        inner,
        text: text.then(TextCheck::default),
        seen: 0,
        size,
        done: false,
    })
}

struct Checked {
    inner: ByteStream,
    text: Option<TextCheck>,
    seen: u64,
    size: u64,
    done: bool,
}

impl Checked {
    fn fail(&mut self, err: DomainError) -> Poll<Option<DomainResult<Bytes>>> {
        self.done = true;
        Poll::Ready(Some(Err(err)))
    }

    fn wrong_length(&self) -> DomainError {
        DomainError::internal_msg(format!(
            "the upload was said to be {} bytes, and {} arrived",
            self.size, self.seen
        ))
    }
}

impl Stream for Checked {
    type Item = DomainResult<Bytes>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        if this.done {
            return Poll::Ready(None);
        }
        match this.inner.as_mut().poll_next(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(Some(Err(err))) => this.fail(err),
            Poll::Ready(Some(Ok(piece))) => {
                this.seen += piece.len() as u64;
                if this.seen > this.size {
                    return this.fail(this.wrong_length());
                }
                if let Some(check) = &mut this.text
                    && !check.feed(&piece)
                {
                    return this.fail(attachment::not_text("file"));
                }
                Poll::Ready(Some(Ok(piece)))
            }
            Poll::Ready(None) => {
                if this.seen != this.size {
                    return this.fail(this.wrong_length());
                }
                if this.text.as_ref().is_some_and(|check| !check.finish()) {
                    return this.fail(attachment::not_text("file"));
                }
                this.done = true;
                Poll::Ready(None)
            }
        }
    }
}
