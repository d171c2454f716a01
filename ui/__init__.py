"""SellerDesk's Qt window: widgets, item models, dialogs and actions. Holds no rule."""
