throw new Error('unrs-resolver is a stand-in: Parallax runs no Jest');
