// HosoStore — see DESIGN §1.
