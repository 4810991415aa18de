// HosoEngine — see DESIGN §1.
