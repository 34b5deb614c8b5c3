# src/admin/local.mk -- filled in with the admin program.
