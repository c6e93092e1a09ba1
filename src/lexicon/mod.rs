//! Word lists, kept apart from the algorithms that read them so each can be
//! read, extended and tested on its own. Every list is English news usage.

pub(crate) mod speech;
