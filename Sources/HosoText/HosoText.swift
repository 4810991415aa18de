// HosoText — Vietnamese analyser. See DESIGN §4.
