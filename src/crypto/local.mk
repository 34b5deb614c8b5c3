# src/crypto/local.mk -- filled in by the hashing module.
