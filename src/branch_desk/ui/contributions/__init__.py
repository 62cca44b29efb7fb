"""Widgets of the Iuran page: payment form, Pemda bills, due and arrears list."""
