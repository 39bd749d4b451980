//! A fixed, seedless hash for feature keys (FxHash-style multiply-rotate with
//! a final mix), so that a model file means the same on every machine.

/// Multiplier of the FxHash family.
const K: u64 = 0x517c_c1b7_2722_0a95;

/// An incremental hasher of words and numbers; the same input always gives
/// the same key.
#[derive(Clone, Copy, Debug)]
pub struct Fx(u64);

impl Fx {
    /// Starts a hash for the feature template `template`.
    pub fn new(template: u64) -> Self {
        let mut h = Self(0);
        h.add(template.wrapping_add(1));
        h
    }

    /// Adds a number.
    pub fn add(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(K);
    }

    /// Adds bytes, eight at a time, then their length.
    pub fn add_bytes(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
        self.add(bytes.len() as u64);
    }

    /// The finished key, mixed so that every bit depends on every input bit.
    pub fn finish(self) -> u64 {
        let mut x = self.0;
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        x ^ (x >> 33)
    }
}

/// The hash of a string.
pub fn hash_str(s: &str) -> u64 {
    let mut h = Fx::new(0);
    h.add_bytes(s.as_bytes());
    h.finish()
}

/// The key of a feature: its template and the hashes of its parts.
pub fn key(template: u64, parts: &[u64]) -> u64 {
    let mut h = Fx::new(template);
    for &p in parts {
        h.add(p);
    }
    h.finish()
}

/// A `HashMap` hasher for keys that are already well-mixed hashes: it passes
/// the key through.
#[derive(Clone, Copy, Debug, Default)]
pub struct IdentityHasher(u64);

impl std::hash::Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn write_u64(&mut self, x: u64) {
        self.0 = x;
    }
}

/// Builds [`IdentityHasher`]s.
pub type BuildIdentity = std::hash::BuildHasherDefault<IdentityHasher>;

/// A map from pre-hashed keys.
pub type KeyMap<V> = std::collections::HashMap<u64, V, BuildIdentity>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_values_and_sensitivity() {
        assert_eq!(hash_str("Reuters"), hash_str("Reuters"));
        assert_ne!(hash_str("Reuters"), hash_str("reuters"));
        assert_ne!(hash_str("ab"), hash_str("ab\0"));
        assert_ne!(key(1, &[5]), key(2, &[5]));
        assert_ne!(key(1, &[5, 6]), key(1, &[6, 5]));
    }
}
