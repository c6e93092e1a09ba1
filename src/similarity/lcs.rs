//! Longest common subsequence of two id sequences: bit-parallel when the
//! shorter has at most 64 ids (nearly every sentence), else one row of the
//! table, on the stack for up to [`LCS_STACK`] ids.

/// Texts whose shorter side has at most this many words compute the
/// longest common subsequence on the stack.
const LCS_STACK: usize = 128;

/// Length of the longest common subsequence of two id sequences (the same
/// whichever comes first). Bit-parallel when the shorter has at most 64
/// ids (nearly every sentence); otherwise one row of the table on the
/// stack when the shorter sequence allows.
#[cfg(test)]
fn lcs(a: &[u64], b: &[u64]) -> usize {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    if short.len() <= 64 {
        lcs_bits(long, short)
    } else {
        lcs_table(long, short)
    }
}

/// Hyyrö's bit-vector LCS against a sequence of `len` (at most 64) ids
/// given as `masks` (see [`seq_masks`]): bit `j` of `row` is 0 where the
/// table's row steps up at column `j`, so the length is the count of zero
/// bits. One lookup and a few word operations per id of `long`.
pub(super) fn lcs_with_masks(long: &[u64], masks: &[(u64, u64)], len: usize) -> usize {
    let mut row = u64::MAX;
    for &x in long {
        let Ok(k) = masks.binary_search_by_key(&x, |m| m.0) else {
            continue;
        };
        let matched = row & masks[k].1;
        row = row.wrapping_add(matched) | (row & !masks[k].1);
    }
    let used = if len >= 64 {
        u64::MAX
    } else {
        (1u64 << len) - 1
    };
    (!row & used).count_ones() as usize
}

/// Each distinct id of `seq` (at most 64 ids long) with the bit mask of
/// its positions, sorted by id; empty for longer sequences.
pub(super) fn seq_masks(seq: &[u64]) -> Vec<(u64, u64)> {
    if seq.len() > 64 {
        return Vec::new();
    }
    let mut masks: Vec<(u64, u64)> = seq
        .iter()
        .enumerate()
        .map(|(j, &id)| (id, 1u64 << j))
        .collect();
    masks.sort_unstable_by_key(|m| m.0);
    masks.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            kept.1 |= later.1;
        }
        same
    });
    masks
}

/// [`lcs_with_masks`] for a plain sequence.
#[cfg(test)]
fn lcs_bits(long: &[u64], short: &[u64]) -> usize {
    lcs_with_masks(long, &seq_masks(short), short.len())
}

/// The dynamic-programming LCS on one row, for long sequences.
pub(super) fn lcs_table(long: &[u64], short: &[u64]) -> usize {
    let mut stack = [0u32; LCS_STACK + 1];
    let mut heap = Vec::new();
    let row: &mut [u32] = if short.len() <= LCS_STACK {
        &mut stack[..=short.len()]
    } else {
        heap.resize(short.len() + 1, 0);
        &mut heap
    };
    for &x in long {
        let mut diag = 0;
        for (j, &y) in short.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diag + 1 } else { up.max(row[j]) };
            diag = up;
        }
    }
    row[short.len()] as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lcs_is_symmetric_on_the_stack_and_on_the_heap() {
        assert_eq!(lcs(&[1, 2, 3, 4], &[2, 4, 5]), 2);
        assert_eq!(lcs(&[2, 4, 5], &[1, 2, 3, 4]), 2);
        assert_eq!(lcs(&[], &[1, 2]), 0);
        // Both sides longer than the stack row: the heap path.
        let a: Vec<u64> = (0..300).collect();
        let b: Vec<u64> = (0..300).filter(|x| x % 3 != 0).chain([7, 8]).collect();
        assert_eq!(lcs(&a, &b), 200);
        assert_eq!(lcs(&b, &a), 200);
    }

    #[test]
    fn bit_parallel_lcs_equals_the_table() {
        // Small alphabets make many repeats, the hard case for the masks.
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |k: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % k
        };
        for round in 0..2000 {
            let alphabet = 2 + round % 9;
            let (la, lb) = (next(70) as usize, next(65) as usize);
            let a: Vec<u64> = (0..la).map(|_| next(alphabet)).collect();
            let b: Vec<u64> = (0..lb).map(|_| next(alphabet)).collect();
            let (long, short) = if a.len() >= b.len() {
                (&a, &b)
            } else {
                (&b, &a)
            };
            if short.len() <= 64 {
                assert_eq!(lcs_bits(long, short), lcs_table(long, short), "{a:?} {b:?}");
            }
        }
    }
}
