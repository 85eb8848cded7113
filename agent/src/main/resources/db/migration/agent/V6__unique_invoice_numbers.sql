-- An invoice number belongs to one order of a site. The numbers the agent derives never repeat, but a shop's
-- caricomtr_invoice_number filter may return any number, and a repeat would be answered "exists" by Cari and adopted
-- as the other order's invoice: the second order would never be invoiced. The unique key refuses the repeat when
-- the number is fixed, before anything is sent. Numbers become byte-exact (ascii_bin) like the other identifiers;
-- they are letters, digits, '-' and '_' only.
-- This migration fails if two orders of a site already share a number: one of them was then adopted as the other's
-- invoice, which a person has to sort out (find them with GROUP BY site_id, invoice_number HAVING COUNT(*) > 1).
ALTER TABLE ${prefix}caricomtr_order_sync
    MODIFY invoice_number VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
    ADD UNIQUE KEY uq_order_sync_invoice_number (site_id, invoice_number);
