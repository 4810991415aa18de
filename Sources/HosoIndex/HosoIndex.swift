// HosoIndex — see DESIGN §1.
