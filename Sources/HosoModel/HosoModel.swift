// HosoModel — see DESIGN §1.
