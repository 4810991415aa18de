// HosoQuery — see DESIGN §1.
