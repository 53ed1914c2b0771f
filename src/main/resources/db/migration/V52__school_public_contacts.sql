-- The school's own public contact details (office phone, e-mail, address), one per line: captions may contain
-- these, while any other phone number, e-mail address, postcode or street address is still refused.
alter table school add column public_contacts varchar(1000);
