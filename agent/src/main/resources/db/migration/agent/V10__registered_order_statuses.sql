-- The shop's order statuses as its bridge registered them (wc_get_order_statuses(), custom ones included), so that
-- a trigger status the shop does not have is refused when an admin sets it, and warned of when it is configured.
-- A JSON object of status key to label in the shop's order, e.g. {"wc-processing":"Hazırlanıyor",...}; NULL when
-- the registration listed none (a bridge from before this version). Replaced with the rest of the row.
ALTER TABLE ${prefix}caricomtr_hooks
    ADD COLUMN order_statuses MEDIUMTEXT NULL AFTER actions;
