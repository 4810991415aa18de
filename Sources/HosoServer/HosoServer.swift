// HosoServer — see DESIGN §1.
